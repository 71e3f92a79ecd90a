package org.humiao.screening.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folding table shipped in the jar is the one the code builds, character for character. After
 * a change to CharFolding (or a new Java version) the shipped one no longer fits and is not used;
 * write it again with {@code mvn -o test -Dtest=CharFoldingTableTest -Dfolding.write=true}.
 */
class CharFoldingTableTest {
  private static final Path SHIPPED = Path.of("src/main/resources/org/humiao/screening/text", CharFolding.TABLE_RESOURCE);

  @Test
  void theShippedTableIsTheBuiltOne() throws IOException {
    if (Boolean.getBoolean("folding.write")) {
      try (OutputStream out = Files.newOutputStream(SHIPPED)) {
        CharFolding.writeTable(out);
      }
    }
    char[] shipped = CharFolding.shipped().orElse(null);
    assertTrue(shipped != null, "the shipped folding table does not fit this CharFolding or Java version: "
        + "write it again with mvn -o test -Dtest=CharFoldingTableTest -Dfolding.write=true");
    assertArrayEquals(CharFolding.build(), shipped);
  }
}
