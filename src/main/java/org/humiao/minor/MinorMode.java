package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.minor.time.ChinaTime;
import org.humiao.durable.PendingWrites;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.minor.attest.AttestationRequest;
import org.humiao.minor.attest.AttestationVerifier;
import org.humiao.minor.attest.PersonIds;
import org.humiao.minor.attest.TrustedIssuers;
import org.humiao.minor.nppa.BehaviourReporter;
import org.humiao.minor.policy.PolicyRegistry;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.Erasure;
import org.humiao.minor.store.GuardianControls;
import org.humiao.minor.store.PersonLink;
import org.humiao.minor.store.PlayStateStore;
import org.humiao.minor.store.StateQuery;
import org.humiao.minor.store.StateView;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Minor-mode enforcement (防沉迷): the one entry point a platform-facing layer calls. Thread-safe.
 * A call blocks when the store does ({@link PlayStateStore#mayBlock()}); its disk writes (state,
 * NPPA records) go to {@code pending}, so a tracked request answers once they are durable. Every
 * refusal and every non-compliance is handed to {@code events} as a {@link ViolationEvent} before
 * the call returns. A user's calls and a deletion of that user are ordered ({@link UserOrder}).
 */
public final class MinorMode {
  private final Attestations attestations;
  private final PlayAuthority play;
  private final SpendingAuthority spending;
  private final PlayStateStore store;
  private final PolicyRegistry policies;
  private final Violations violations;
  private final PendingWrites pending;
  private final UserOrder order = new UserOrder();
  private final Clock clock;

  /**
   * @param nppa where game sessions' logins and logouts are reported; empty: not reported
   * @param pending where the wait for NPPA records to be durable goes
   */
  public MinorMode(PolicyRegistry policies, PlayStateStore store, TrustedIssuers issuers, PersonIds personIds,
                   Pseudonyms pseudonyms, Consumer<ViolationEvent> events, Optional<BehaviourReporter> nppa,
                   PendingWrites pending, Clock clock) {
    RequestContexts contexts = new RequestContexts(policies, store);
    Violations violations = new Violations(pseudonyms, events);
    this.attestations = new Attestations(new AttestationVerifier(issuers, personIds, store, clock), store, violations,
        clock);
    this.play = new PlayAuthority(contexts, store, violations, new SessionReports(nppa, store, pending), clock);
    this.spending = new SpendingAuthority(contexts, store, violations, clock);
    this.store = store;
    this.policies = policies;
    this.violations = violations;
    this.pending = pending;
    this.clock = clock;
  }

  /** Checks an age attestation and links the user to its person. */
  public AttestAnswer attest(String platform, String userId, AttestationRequest request) {
    return order.call(Keys.user(platform, userId), () -> attestations.attest(platform, userId, request));
  }

  /**
   * Whether an attestation made the user a minor at {@code at}: the one fact pile-on tracking needs
   * to put a minor's stricter levels first. An unattested user is not known to be one.
   */
  public boolean isMinor(String platform, String userId, Instant at) {
    return store.link(Keys.user(platform, userId))
        .map(link -> ChinaTime.ageOn(link.birthDate(), ChinaTime.day(at.getEpochSecond())) < 18)
        .orElse(false);
  }

  /**
   * Forgets {@code what} of a user (a deletion or correction request), keeping today's play, the
   * spending totals of this month and today, and payment records, so limits and refunds still hold;
   * returns how many stored entries went. A user never linked leaves nothing to find but the link
   * key itself. Blocks on I/O in every store: call it on a worker, outside a tracked request.
   *
   * <p>The user's calls are held back while the store removes the user from its state, so none
   * that read the link before writes after; the embedded store's rewrite of its files comes after,
   * with the calls let go again. What the erasure holds the lock for never waits for the disk: the
   * link's read hands its wait to a tracked call, which the rewrite covers anyway.
   */
  public int forget(String platform, String userId, Set<Forgettable> what) {
    String userKey = Keys.user(platform, userId);
    PendingWrites.Tracked<Integer> removed;
    try {
      removed = pending.track(() -> order.erasure(userKey, () -> store.remove(erasure(platform, userId, what))));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // compacts behind every change queued so far, so it also waits for the flush the read handed over
    store.purge();
    return removed.value();
  }

  /** What a deletion of the user removes, from its link as it stands. */
  private Erasure erasure(String platform, String userId, Set<Forgettable> what) {
    String userKey = Keys.user(platform, userId);
    LocalDate today = ChinaTime.day(clock.instant().getEpochSecond());
    Optional<PersonLink> link = store.link(userKey);
    String operator = policies.current().operator(platform);
    String person = link.map(PersonLink::personId).orElse(null);
    boolean history = person != null && what.contains(Forgettable.PAST_PLAY_AND_SPENDING);
    Set<String> keepPlay = new HashSet<>();
    Set<String> spendKeys = new HashSet<>();
    if (history) {
      for (ServiceKind service : ServiceKind.values()) {
        keepPlay.add(Keys.dayPlay(person, operator, service, today));
        spendKeys.add(Keys.spending(person, operator, service));
      }
    }
    // a guest counted by its user id (no device sent) has budgets that name the user: a deletion takes them
    Set<String> guests = new HashSet<>();
    if (what.contains(Forgettable.PAST_PLAY_AND_SPENDING)) {
      for (ServiceKind service : ServiceKind.values()) {
        guests.add(Keys.guestDevice(operator, service, userId));
      }
    }
    return new Erasure(userKey,
        person != null && what.contains(Forgettable.GUARDIAN_CONTROLS) ? Keys.personOperator(person, operator) : null,
        history ? Keys.playOf(person, operator) : null, keepPlay, spendKeys, Keys.month(today), today.toString(),
        guests);
  }

  /** May the user start (or resume) the session now. */
  public AuthorizeAnswer authorize(PlayRequest request) {
    return order.call(userKey(request), () -> play.authorize(request));
  }

  /**
   * Counts the play {@code [from, to)} (epoch seconds) the platform reports for a session.
   *
   * @throws InvalidPlayReport if the interval is empty, longer than a day or in the future
   */
  public HeartbeatAnswer heartbeat(PlayRequest request, long from, long to) {
    return order.call(userKey(request), () -> play.heartbeat(request, from, to));
  }

  /** The platform ended the session: it is stopped, and its logout reported to the NPPA once. */
  public EndAnswer endSession(PlayRequest request) {
    return order.call(userKey(request), () -> play.end(request));
  }

  /** May the user pay (or tip) this amount now; an accepted payment is recorded once per key. */
  public PaymentAnswer checkPayment(PaymentRequest request) {
    return order.call(Keys.user(request.platform(), request.userId()), () -> spending.checkPayment(request));
  }

  /** Gives an accepted payment's amount back to the allowance, once. */
  public RefundAnswer refund(String platform, String idempotencyKey) {
    return spending.refund(platform, idempotencyKey);
  }

  /**
   * Sets the guardian's controls of an attested user at the platform's operator, replacing
   * earlier ones. That the caller is the guardian is for the calling layer to establish, so a
   * change that loosens what the guardian set is recorded as a {@code guardian_loosened} event:
   * a platform could otherwise lift a guardian's ban silently.
   */
  public GuardianAnswer setGuardianControls(String platform, String userId, GuardianControls controls) {
    return order.call(Keys.user(platform, userId), () -> guardianControls(platform, userId, controls));
  }

  private GuardianAnswer guardianControls(String platform, String userId, GuardianControls controls) {
    String operator = policies.current().operator(platform);
    // the link and the earlier controls read, and the new ones written, in one store call
    StateView state = store.viewThenPutGuardianControls(StateQuery.of(Keys.user(platform, userId))
        .guardian(person -> Keys.personOperator(person, operator)), controls);
    return state.link()
        .map(link -> {
          Optional<GuardianControls> earlier = state.guardian();
          List<String> loosened = earlier.map(controls::loosenedFrom).orElse(List.of());
          if (!loosened.isEmpty()) {
            violations.reportChange(ReasonCode.GUARDIAN_LOOSENED, platform, userId, clock.instant().getEpochSecond(),
                new JsonObject().put("loosened", new JsonArray(loosened)));
          }
          return new GuardianAnswer(true, ReasonCode.GUARDIAN_CONTROLS_SET);
        })
        .orElse(new GuardianAnswer(false, ReasonCode.UNKNOWN_PERSON));
  }

  private static String userKey(PlayRequest request) {
    return Keys.user(request.platform(), request.userId());
  }
}
