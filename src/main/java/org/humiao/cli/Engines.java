package org.humiao.cli;

import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.server.EngineFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The screening engine of the file commands: the lexicons the arguments name, every other setting
 * its default (and the environment's), dates (of ID numbers in texts) by the wall clock in China.
 */
final class Engines {
  static final String DEFAULT_LEXICONS = "lexicons";
  /** The file commands' clock: the wall clock in China, whose dates an ID number's age is taken on. */
  static final Clock CHINA_CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  /** A file is screened for quality, not latency: every text waits for its semantic vector. */
  static final ScreenOptions UNHURRIED = ScreenOptions.DEFAULT.withBudget(Duration.ofSeconds(30));

  private Engines() {}

  static ScreeningEngine fromArgs(Args args, Clock clock) {
    Settings settings = new SettingsResolver(System.getenv()).resolve(Optional.empty(),
        Map.of(Setting.LEXICONS, args.option("lexicons", DEFAULT_LEXICONS)));
    return EngineFactory.create(settings, clock);
  }
}
