package org.humiao.privacy;

import org.humiao.identity.ResidentIdNumber;
import org.humiao.minor.Forgettable;
import org.humiao.minor.MinorMode;
import org.humiao.moderation.review.ReviewStore;
import org.humiao.pileon.PileOnTracker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Carries out minors' and guardians' data-rights requests (未成年人网络保护条例; 个人信息保护法
 * Art. 47): records each as received, does it, and records its outcome, so the regulators can
 * count requests and their time to complete. What each kind erases and keeps, and why, is in
 * docs/privacy.md. Blocks on I/O: call it on a worker.
 */
public final class PrivacyRequests {
  static final int MAX_NOTE = 500;

  private final MinorMode minor;
  private final ReviewStore reviews;
  private final Optional<PileOnTracker> pileOn;
  private final PrivacyLog log;
  private final Clock clock;

  /**
   * @param reviews whose tasks naming a deleted user lose its texts and its id
   * @param pileOn where a deleted user's messages and its own windows are forgotten, when pile-ons are tracked
   */
  public PrivacyRequests(MinorMode minor, ReviewStore reviews, Optional<PileOnTracker> pileOn, PrivacyLog log,
      Clock clock) {
    this.minor = minor;
    this.reviews = reviews;
    this.pileOn = pileOn;
    this.log = log;
    this.clock = clock;
  }

  /**
   * Does the request and answers its record, completed. A storage failure is recorded as the
   * request's outcome, then thrown; the request may be sent again, as erasing twice is harmless.
   *
   * @throws IllegalArgumentException a note too long or holding a resident ID number
   */
  public PrivacyRequest submit(NewRequest request) {
    if (request.note() != null && (request.note().length() > MAX_NOTE || ResidentIdNumber.foundIn(request.note()))) {
      throw new IllegalArgumentException("a note holds at most " + MAX_NOTE
          + " characters and no resident ID number: the record keeps no identity");
    }
    PrivacyRequest received = PrivacyRequest.received(UUID.randomUUID().toString(), request, clock.instant());
    log.put(received);
    Set<Forgettable> what = switch (request.kind()) {
      case DELETE -> request.requester() == Requester.GUARDIAN
          ? EnumSet.allOf(Forgettable.class)
          : EnumSet.of(Forgettable.LINK, Forgettable.PAST_PLAY_AND_SPENDING);
      case CORRECT -> EnumSet.of(Forgettable.LINK);
    };
    try {
      int erased = minor.forget(request.platform(), request.user(), what);
      if (request.kind() == RequestKind.DELETE) {
        erased += reviews.forgetUser(request.platform(), request.user())
            + pileOn.map(tracker -> tracker.forget(request.platform(), request.user())).orElse(0);
      }
      PrivacyRequest done = received.outcome(RequestStatus.COMPLETED, clock.instant(), erased, kept(what));
      log.put(done);
      return done;
    } catch (RuntimeException e) {
      try {
        log.put(received.outcome(RequestStatus.FAILED, clock.instant(), 0, List.of()));
      } catch (RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  /** The request of this id, if it is {@code platform}'s. */
  public Optional<PrivacyRequest> find(String platform, String id) {
    return log.find(id).filter(r -> r.platform().equals(platform));
  }

  /** The counts of the requests whose region {@code inScope} accepts. */
  public PrivacyCounts counts(Predicate<String> inScope) {
    return PrivacyCounts.of(log.all().stream().filter(r -> inScope.test(r.region())).toList());
  }

  private static List<Kept> kept(Set<Forgettable> erased) {
    List<Kept> kept = new ArrayList<>();
    if (erased.contains(Forgettable.PAST_PLAY_AND_SPENDING)) {
      kept.addAll(List.of(Kept.TODAYS_PLAY, Kept.CURRENT_SPENDING));
    } else {
      kept.add(Kept.PLAY_AND_SPENDING);
    }
    kept.add(Kept.PAYMENT_RECORDS);
    if (!erased.contains(Forgettable.GUARDIAN_CONTROLS)) {
      kept.add(Kept.GUARDIAN_CONTROLS);
    }
    kept.add(Kept.EVENTS);
    return kept;
  }
}
