package org.humiao.cli;

import org.humiao.config.Setting;
import org.humiao.config.Settings;
import org.humiao.config.SettingsResolver;
import org.humiao.screening.RepostGuard;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.TextLimits;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The screening engine as the commands and the service run it: lexicons from a directory, limits
 * and the repost cache from the settings, dates (of ID numbers in texts) by the caller's clock.
 */
final class Engines {
  static final String DEFAULT_LEXICONS = "lexicons";
  /** The file commands' clock: the wall clock in China, whose dates an ID number's age is taken on. */
  static final Clock CHINA_CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

  private Engines() {}

  /** For the file commands: the lexicons the arguments name, every other setting its default. */
  static ScreeningEngine fromArgs(Args args, Clock clock) {
    Settings settings = new SettingsResolver(Map.of()).resolve(Optional.empty(),
        Map.of(Setting.LEXICONS, args.option("lexicons", DEFAULT_LEXICONS)));
    return create(settings, clock);
  }

  static ScreeningEngine create(Settings settings, Clock clock) {
    return new ScreeningEngine(
        settings.lexicons(),
        clock,
        new RepostGuard(settings.repostCacheSize(), Duration.ofHours(settings.repostTtlHours())),
        new TextLimits(settings.maxTextLength()));
  }
}
