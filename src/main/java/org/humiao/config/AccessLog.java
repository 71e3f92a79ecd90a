package org.humiao.config;

/** Which requests the access log records (setting accessLog). */
public enum AccessLog {
  /** None. */
  OFF,
  /** Every error (4xx, 5xx) and slow one, and 1 in 100 of the rest. */
  SAMPLED,
  /** Every request. */
  ALL
}
