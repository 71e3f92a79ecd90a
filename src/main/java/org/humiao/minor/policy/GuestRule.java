package org.humiao.minor.policy;

/**
 * Users without an age attestation. {@code allowed}: whether they are served at all; {@code
 * seconds} of play per device within {@code periodDays} days from the first play (null: no
 * limit); {@code curfew}: whether the policy's curfew and play days apply to them, as they may be
 * minors; {@code payments}: whether they may pay.
 */
public record GuestRule(boolean allowed, Long seconds, int periodDays, boolean curfew, boolean payments) {
  public GuestRule {
    if (seconds != null && periodDays <= 0) {
      throw new IllegalArgumentException("a guest quota needs periodDays");
    }
  }
}
