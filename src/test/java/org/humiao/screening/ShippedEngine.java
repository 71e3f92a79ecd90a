package org.humiao.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The engine on the shipped lexicons/ and model, built once for all tests that need it. */
final class ShippedEngine {
  static final Path LEXICONS = Path.of("lexicons");

  private ShippedEngine() {}

  static ScreeningEngine get() {
    return Holder.ENGINE;
  }

  static ScreeningEngine fresh(Path lexicons) {
    return new ScreeningEngine(lexicons, Clock.systemDefaultZone(),
        new RepostGuard(10_000, Duration.ofHours(1)), new TextLimits(TextLimits.DEFAULT_MAX_LENGTH));
  }

  private static final class Holder {
    static final ScreeningEngine ENGINE = fresh(LEXICONS);
  }
}
