package org.humiao.cli;

import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.server.EngineFactory;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The screening engine of the file commands: the lexicons the arguments name, every other setting
 * its default (and the environment's), dates (of ID numbers in texts) by the wall clock in China.
 * As a mixin, the {@code --lexicons DIR} option those commands share.
 */
final class Engines {
  static final String DEFAULT_LEXICONS = "lexicons";
  /** The file commands' clock: the wall clock in China, whose dates an ID number's age is taken on. */
  static final Clock CHINA_CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  /** A file is screened for quality, not latency: every text waits for its semantic vector. */
  static final ScreenOptions UNHURRIED = ScreenOptions.DEFAULT.withBudget(Duration.ofSeconds(30));

  @Option(names = "--lexicons", paramLabel = "DIR", defaultValue = DEFAULT_LEXICONS,
      description = "the lexicons directory (default: ${DEFAULT-VALUE})")
  Path lexicons;

  /** The lexicons directory, checked to exist so a wrong one is named rather than a stack trace. */
  Path lexicons() {
    return CommandFailure.directory(lexicons, "lexicons",
        "run from the project root, where lexicons/ is, or give --lexicons DIR");
  }

  ScreeningEngine engine(Clock clock) {
    return EngineFactory.forFiles(settings(), clock);
  }

  /**
   * An engine builder of another lexicons directory (eval's folds and their copies) with this run's
   * lexicon cache, so only the first build of the same lexicon files compiles them.
   */
  ScreeningEngine.Builder builder(Path lexicons) {
    return builder(lexicons, settings().lexiconCache());
  }

  static ScreeningEngine.Builder builder(Path lexicons, Optional<Path> cache) {
    ScreeningEngine.Builder builder = ScreeningEngine.builder(lexicons, CHINA_CLOCK);
    cache.ifPresent(builder::lexiconCache);
    return builder;
  }

  private Settings settings() {
    return new SettingsResolver(System.getenv()).resolve(Optional.empty(), Map.of(Setting.LEXICONS, lexicons().toString()));
  }
}
