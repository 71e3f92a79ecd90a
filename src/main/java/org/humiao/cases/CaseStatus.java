package org.humiao.cases;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a mandatory-report case (强制报告) stands: new → acknowledged → referred → closed; an
 * acknowledged case may also be closed without referral. Each open step has a time limit from when
 * it began, after which the case is overdue: a new case must be acknowledged within a day, an
 * acknowledged one referred or closed within three; a referred case waits on the agency.
 */
public enum CaseStatus {
  NEW(Duration.ofHours(24)),
  ACKNOWLEDGED(Duration.ofHours(72)),
  REFERRED(null),
  CLOSED(null);

  private final Duration limit;

  CaseStatus(Duration limit) {
    this.limit = limit;
  }

  /** How long a case may stay in this status; empty when no deadline runs. */
  public Optional<Duration> limit() {
    return Optional.ofNullable(limit);
  }

  public boolean mayBecome(CaseStatus next) {
    return switch (this) {
      case NEW -> next == ACKNOWLEDGED;
      case ACKNOWLEDGED -> Set.of(REFERRED, CLOSED).contains(next);
      case REFERRED -> next == CLOSED;
      case CLOSED -> false;
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CaseStatus> byId(String id) {
    for (CaseStatus s : values()) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
