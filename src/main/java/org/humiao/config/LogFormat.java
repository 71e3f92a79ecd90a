package org.humiao.config;

/** How log lines are written (setting logFormat). */
public enum LogFormat {
  /** Text when started from a terminal, JSON otherwise. */
  AUTO,
  /** One JSON object per line, for a log collector. */
  JSON,
  /** One human-readable line per event, for a terminal. */
  TEXT
}
