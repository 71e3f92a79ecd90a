package org.humiao.cli;

import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningJson;
import org.humiao.screening.TextLimits;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code screen [FILE]}: one JSON answer per input line, in order, in constant memory. */
final class ScreenCommand {
  private ScreenCommand() {}

  static int run(String[] argv, InputStream stdin, PrintStream out) throws Exception {
    Args args = new Args(argv, 0, Set.of());
    List<String> files = args.positional();
    ScreeningEngine engine = Engines.fromArgs(args, Engines.CHINA_CLOCK);
    try (Reader reader = files.isEmpty() ? utf8(stdin) : utf8(Files.newInputStream(Path.of(files.get(0))))) {
      BoundedLineReader lines = new BoundedLineReader(reader, TextLimits.DEFAULT_MAX_LENGTH);
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        out.println(answer(engine, line));
      }
    }
    return 0;
  }

  static String answer(ScreeningEngine engine, BoundedLineReader.Line line) {
    if (line.overLimit()) {
      return ScreeningJson.error("text_too_long",
          "line is " + line.length() + " UTF-16 units, the limit is " + TextLimits.DEFAULT_MAX_LENGTH).encode();
    }
    try {
      return ScreeningJson.of(engine.screen(line.text(), Engines.UNHURRIED)).encode();
    } catch (InvalidTextException e) {
      return ScreeningJson.error(e.problem().id(), e.getMessage()).encode();
    }
  }

  /** Malformed UTF-8 becomes U+FFFD rather than ending the run. */
  private static Reader utf8(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
  }
}
