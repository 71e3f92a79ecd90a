package org.humiao.minor;

/**
 * What of a platform user minor mode can forget for a data-rights request (docs/privacy.md). Never
 * today's play, this month's and today's spending totals or payment records: rules still need them.
 */
public enum Forgettable {
  /** The link of the user to the person of its attestation (person pseudonym, birth date, NPPA pi). */
  LINK,
  /** What the guardian set for the person at the platform's operator. */
  GUARDIAN_CONTROLS,
  /** The person's play of days before today and spending totals of past days and months, at the operator. */
  PAST_PLAY_AND_SPENDING
}
