package org.humiao.minor.attest;

import java.util.Locale;

/** An attestation that was not accepted, with why. */
public final class AttestationRejected extends Exception {
  private final Rejection reason;

  public AttestationRejected(Rejection reason) {
    super(reason.name().toLowerCase(Locale.ROOT), null, false, false);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }
}
