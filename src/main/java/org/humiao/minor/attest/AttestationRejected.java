package org.humiao.minor.attest;

import org.humiao.minor.ReasonCode;

/** An attestation that was not accepted, with the reason code given back to the platform. */
public final class AttestationRejected extends Exception {
  private final ReasonCode reason;

  public AttestationRejected(ReasonCode reason) {
    super(reason.id(), null, false, false);
    this.reason = reason;
  }

  public ReasonCode reason() {
    return reason;
  }
}
