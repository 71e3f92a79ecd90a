package org.humiao.compliance;

/**
 * What a compliance rate is counted against: the texts platforms sent to screening, or the
 * minor-mode sessions they asked to start. Each is stored apart, under its own {@link #id}.
 */
public enum Denominator {
  /** One per text screened. */
  SCREENED_TEXTS("screened"),
  /** One per {@code POST /v1/play/authorize} for a user minor mode limits (docs/regulators.md says why). */
  MINOR_SESSIONS("sessions");

  /** The name in stored keys and file names; never changed, or stored counts would be lost. */
  final String id;

  Denominator(String id) {
    this.id = id;
  }
}
