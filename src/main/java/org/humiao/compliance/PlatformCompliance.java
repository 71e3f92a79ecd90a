package org.humiao.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * One platform's compliance figures over a period and a region scope; a figure with no source is
 * null (no screened text or minor-mode session counted: no rate; a region-scoped reader: no review
 * backlog, since tasks carry no region).
 *
 * @param rank 1 for the platform that most needs the regulator's attention ({@link ComplianceReport#METHOD})
 * @param violations screened texts blocked or held for review (text_blocked, text_review, repost_blocked)
 * @param minorSessions minor-mode sessions: authorize calls for users minor mode limits ({@link Denominator#MINOR_SESSIONS})
 * @param per10k violations per 10,000 screened texts
 * @param curfewRefusalsPer10kSessions curfew refusals per 10,000 minor-mode sessions
 * @param quotaRefusalsPer10kSessions quota refusals per 10,000 minor-mode sessions
 * @param mandatoryReportsPer10k mandatory reports per 10,000 screened texts
 * @param reviewBacklog the platform's review tasks not yet resolved, now
 * @param medianSecondsToProtection the median (the lower middle value of an even count) of the
 *     target_protected events' {@code secondsSinceSurge}
 */
public record PlatformCompliance(String platform, int rank, long screened, long minorSessions, long violations,
                                 Double per10k, long curfewRefusals, Double curfewRefusalsPer10kSessions,
                                 long quotaRefusals, Double quotaRefusalsPer10kSessions, long paymentRefusals,
                                 long noncompliance, long mandatoryReports, Double mandatoryReportsPer10k,
                                 Long reviewBacklog, long reportsHandled, long reportsHandledWithin24h,
                                 long appealsOverturned, long surges, Long medianSecondsToProtection) {

  /** Gathers one platform's counts as the report reads its sources; {@link #build} ranks them. */
  static final class Builder {
    final String platform;
    long screened;
    long minorSessions;
    long violations;
    long curfewRefusals;
    long quotaRefusals;
    long paymentRefusals;
    long noncompliance;
    long mandatoryReports;
    Long reviewBacklog;
    long reportsHandled;
    long reportsHandledWithin24h;
    long appealsOverturned;
    long surges;
    final List<Long> secondsToProtection = new ArrayList<>();

    Builder(String platform) {
      this.platform = platform;
    }

    /** {@code count} per 10,000 screened texts. */
    Double per10k(long count) {
      return per10k(count, screened);
    }

    private static Double per10k(long count, long denominator) {
      // two decimals: a rate of a few per million still shows
      return denominator == 0 ? null : Math.round(count * 10_000.0 * 100 / denominator) / 100.0;
    }

    Long medianSecondsToProtection() {
      if (secondsToProtection.isEmpty()) {
        return null;
      }
      List<Long> sorted = secondsToProtection.stream().sorted().toList();
      return sorted.get((sorted.size() - 1) / 2);
    }

    PlatformCompliance build(int rank) {
      return new PlatformCompliance(platform, rank, screened, minorSessions, violations, per10k(violations),
          curfewRefusals, per10k(curfewRefusals, minorSessions), quotaRefusals, per10k(quotaRefusals, minorSessions),
          paymentRefusals, noncompliance, mandatoryReports, per10k(mandatoryReports), reviewBacklog,
          reportsHandled, reportsHandledWithin24h, appealsOverturned, surges, medianSecondsToProtection());
    }
  }
}
