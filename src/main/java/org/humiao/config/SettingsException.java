package org.humiao.config;

/** A config file, env var or flag that cannot be used; the message names the setting. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
