package org.humiao.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Layers the sources of settings, each overriding the one before: embedded defaults, then the
 * JSON config file, then {@code HUMIAO_*} environment variables, then command-line flags.
 */
public final class SettingsResolver {
  private final Map<String, String> env;

  /** @param env the environment to read {@code HUMIAO_*} from (System.getenv() in production) */
  public SettingsResolver(Map<String, String> env) {
    this.env = env;
  }

  /**
   * @param configFile a JSON object of setting keys (camelCase, see {@link Setting}) to values
   * @param flags command-line overrides by setting
   */
  public Settings resolve(Optional<Path> configFile, Map<Setting, String> flags) {
    return Settings.from(given(configFile, flags));
  }

  /** The values the sources give, before defaults and checks: what the start line reports as not default. */
  public Map<Setting, String> given(Optional<Path> configFile, Map<Setting, String> flags) {
    Map<Setting, String> raw = new EnumMap<>(Setting.class);
    configFile.ifPresent(file -> raw.putAll(readFile(file)));
    for (Setting s : Setting.values()) {
      String value = env.get(s.envVar());
      if (value != null) {
        raw.put(s, value);
      }
    }
    raw.putAll(flags);
    return raw;
  }

  private static Map<Setting, String> readFile(Path file) {
    JsonObject json;
    try {
      json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + file, e);
    } catch (DecodeException e) {
      throw new SettingsException("config file " + file + " is not a JSON object: " + e.getMessage());
    }
    Map<Setting, String> raw = new EnumMap<>(Setting.class);
    for (Map.Entry<String, Object> entry : json) {
      // An unknown key is most likely a typo that would otherwise silently keep a default.
      Setting s = Setting.byKey(entry.getKey()).orElseThrow(() ->
          new SettingsException("config file " + file + ": unknown setting \"" + entry.getKey() + "\""));
      Object value = entry.getValue();
      if (!(value instanceof String || value instanceof Number)) {
        throw new SettingsException("config file " + file + ": " + s.key() + " must be a string or a number");
      }
      raw.put(s, String.valueOf(value));
    }
    return raw;
  }
}
