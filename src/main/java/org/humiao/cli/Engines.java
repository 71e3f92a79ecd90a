package org.humiao.cli;

import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.TextLimits;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The screening engine as the commands and the service run it: lexicons from a directory, default limits. */
final class Engines {
  static final String DEFAULT_LEXICONS = "lexicons";

  private Engines() {}

  static ScreeningEngine fromArgs(Args args) {
    return create(Path.of(args.option("lexicons", DEFAULT_LEXICONS)), TextLimits.DEFAULT_MAX_LENGTH);
  }

  static ScreeningEngine create(Path lexicons, int maxTextLength) {
    return new ScreeningEngine(
        lexicons,
        Clock.systemDefaultZone(),
        new RepostGuard(100_000, Duration.ofDays(7)),
        new TextLimits(maxTextLength));
  }
}
