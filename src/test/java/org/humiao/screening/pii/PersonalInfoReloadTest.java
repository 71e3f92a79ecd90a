package org.humiao.screening.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.humiao.screening.Evidence;
import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.TextLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine builds its detector from the lexicon's pii/ folder at each load. */
class PersonalInfoReloadTest {
  static final Path LEXICONS = Path.of("lexicons");

  @Test
  void aChangedCueFileTakesEffectOnReload(@TempDir Path dir) throws IOException {
    // the shipped lexicon linked in, but for a pii/ folder of its own that the test edits
    Path lexicons = dir.resolve("lexicons");
    Files.createDirectories(lexicons.resolve("pii"));
    try (Stream<Path> entries = Files.list(LEXICONS)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals("pii")) {
          Files.createSymbolicLink(lexicons.resolve(entry.getFileName()), entry.toAbsolutePath());
        }
      }
    }
    try (Stream<Path> files = Files.list(LEXICONS.resolve("pii"))) {
      for (Path file : files.toList()) {
        Files.copy(file, lexicons.resolve("pii").resolve(file.getFileName()));
      }
    }
    ScreeningEngine engine =
        new ScreeningEngine(
            lexicons,
            PersonalInfoDetectorTest.CLOCK,
            new RepostGuard(100, Duration.ofHours(1)),
            new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
    assertEquals(List.of("pii:wechat"), personalInfo(engine, "威信sunnyday"));
    assertEquals(List.of(), personalInfo(engine, "危信sunnyday"));

    Path cues = lexicons.resolve("pii/wechat_cues.tsv");
    Files.writeString(cues, Files.readString(cues).replace("威信", "危信"));
    engine.reload();

    assertEquals(List.of(), personalInfo(engine, "威信sunnyday"));
    assertEquals(List.of("pii:wechat"), personalInfo(engine, "危信sunnyday"));
  }

  private static List<String> personalInfo(ScreeningEngine engine, String text) {
    return engine.screen(text).evidence().stream()
        .map(Evidence::source)
        .filter(source -> source.startsWith("pii:"))
        .toList();
  }
}
