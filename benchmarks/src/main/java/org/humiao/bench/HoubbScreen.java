package org.humiao.bench;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer run as {@code humiao screen FILE} runs, for the whole-process comparison of issue 18:
 * houbb sensitive-word with its bundled lexicon reads a UTF-8 file, finds the words of each line
 * and prints one line per input (the words found, as a JSON array), on one thread, as a user of
 * the library would write it. {@code java -cp benchmarks/target/benchmarks.jar
 * org.humiao.bench.HoubbScreen FILE > answers}.
 */
public final class HoubbScreen {
  private HoubbScreen() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HoubbScreen FILE");
      System.exit(2);
    }
    SensitiveWordBs words = SensitiveWordBs.newInstance().init();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
         Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(json(words.findAll(line)));
        out.write('\n');
      }
    }
  }

  /** The words as a JSON array of strings (escaping what JSON requires). */
  static String json(List<String> found) {
    StringBuilder b = new StringBuilder().append('[');
    for (int i = 0; i < found.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"');
      for (char c : found.get(i).toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append(']').toString();
  }
}
