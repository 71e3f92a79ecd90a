package org.humiao.minor;

import org.humiao.events.ViolationEvent;

import java.util.Locale;

/**
 * Every answer of minor mode carries one of these stable codes ({@link #id()}). A refusal also
 * names its rule family (the event category) and the kind of event it is reported as; payment
 * refusals become {@code tip_refused} events for tips ({@link Violations}).
 */
public enum ReasonCode {
  ADULT(null, null),
  WITHIN_LIMITS(null, null),

  CURFEW("curfew", ViolationEvent.Kind.CURFEW_ATTEMPT),
  NOT_A_PLAY_DAY("curfew", ViolationEvent.Kind.CURFEW_ATTEMPT),
  OUTSIDE_PLAY_HOURS("curfew", ViolationEvent.Kind.CURFEW_ATTEMPT),
  DAILY_QUOTA_EXHAUSTED("quota", ViolationEvent.Kind.QUOTA_EXCEEDED),
  GUEST_NOT_ALLOWED("guest", ViolationEvent.Kind.QUOTA_EXCEEDED),
  GUEST_QUOTA_EXHAUSTED("guest", ViolationEvent.Kind.QUOTA_EXCEEDED),
  GUARDIAN_PLAY_BAN("guardian", ViolationEvent.Kind.QUOTA_EXCEEDED),
  GUARDIAN_WINDOW("guardian", ViolationEvent.Kind.CURFEW_ATTEMPT),
  GUARDIAN_DAILY_QUOTA("guardian", ViolationEvent.Kind.QUOTA_EXCEEDED),

  PLAYED_AFTER_STOP("platform", ViolationEvent.Kind.PLATFORM_NONCOMPLIANCE),

  GUEST_PAYMENT_FORBIDDEN("guest", ViolationEvent.Kind.PAYMENT_REFUSED),
  PAYMENT_FORBIDDEN_AGE("spending", ViolationEvent.Kind.PAYMENT_REFUSED),
  PAYMENT_SINGLE_CAP("spending", ViolationEvent.Kind.PAYMENT_REFUSED),
  PAYMENT_MONTHLY_CAP("spending", ViolationEvent.Kind.PAYMENT_REFUSED),
  GUARDIAN_PAYMENT_BAN("guardian", ViolationEvent.Kind.PAYMENT_REFUSED),
  GUARDIAN_DAILY_SPEND_CAP("guardian", ViolationEvent.Kind.PAYMENT_REFUSED),
  IDEMPOTENCY_CONFLICT(null, null),

  REFUNDED(null, null),
  ALREADY_REFUNDED(null, null),
  UNKNOWN_PAYMENT(null, null),

  ATTESTED(null, null),
  /** The user was linked to another person, who was not a minor's protections' loss (an account changing hands). */
  RELINKED("relink", ViolationEvent.Kind.RELINK),
  /** The user is a minor's; a platform may not re-link it to another person or to an adult. */
  RELINK_REFUSED("relink", ViolationEvent.Kind.RELINK),
  INVALID_ID_NUMBER(null, null),
  INVALID_PI(null, null),
  MALFORMED_ATTESTATION(null, null),
  UNKNOWN_ISSUER(null, null),
  BAD_SIGNATURE(null, null),
  EXPIRED(null, null),
  REPLAYED(null, null),

  GUARDIAN_CONTROLS_SET(null, null),
  /** Not an answer: the event of a guardian-controls change that allows more than before. */
  GUARDIAN_LOOSENED("guardian", ViolationEvent.Kind.GUARDIAN_LOOSENED),
  UNKNOWN_PERSON(null, null);

  private final String family;
  private final ViolationEvent.Kind kind;

  ReasonCode(String family, ViolationEvent.Kind kind) {
    this.family = family;
    this.kind = kind;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rule family (event category), or null when this is not a reportable refusal. */
  public String family() {
    return family;
  }

  /** The event kind, or null when this is not a reportable refusal. */
  public ViolationEvent.Kind kind() {
    return kind;
  }
}
