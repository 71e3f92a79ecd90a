package org.humiao.privacy;

import java.util.Locale;

/** What a request leaves in place on purpose, and names in its answer; why each is kept is in docs/privacy.md. */
public enum Kept {
  /** Today's play of the person: the daily quota still holds after a deletion. */
  TODAYS_PLAY,
  /** This month's and today's spending totals: the spending limits still hold. */
  CURRENT_SPENDING,
  /** Payment records (pseudonymous person, amounts, dates): refunds and transaction records. */
  PAYMENT_RECORDS,
  /** The guardian's controls, on a minor's own request: they are the guardian's setting. */
  GUARDIAN_CONTROLS,
  /** Past play and spending, on a correction: the person is the same. */
  PLAY_AND_SPENDING,
  /** Violation events: they carry only pseudonyms, and the journal is append-only. */
  EVENTS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
