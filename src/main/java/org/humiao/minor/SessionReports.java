package org.humiao.minor;

import org.humiao.minor.store.Keys;
import org.humiao.durable.PendingWrites;
import org.humiao.minor.nppa.BehaviourRecord;
import org.humiao.minor.nppa.BehaviourReporter;
import org.humiao.minor.nppa.BehaviourType;
import org.humiao.minor.policy.ServiceKind;
import org.humiao.minor.store.PlayStateStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reports game sessions to the NPPA login/logout interface: a login when a session is allowed to
 * start (once per run of it), a logout when it is first stopped (told to stop, or ended by the
 * platform). Only the game kind: the interface is for online
 * games. Persons attested by the NPPA are reported by their pi and guests by their device; a person
 * attested otherwise has no pi, which the interface requires of a real-name user, and is not
 * reported.
 *
 * <p>The request's answer waits until the record is durable in the outbox ({@link PendingWrites});
 * the call itself does not. A record that cannot be queued never fails the decision: it is logged
 * and dropped.
 */
final class SessionReports {
  private static final System.Logger LOG = System.getLogger(SessionReports.class.getName());

  /** How long a login mark is kept: far longer than any session a minor may play in a day. */
  private static final long LOGIN_MARK_SECONDS = 86_400;

  private final Optional<BehaviourReporter> reporter;
  private final PlayStateStore store;
  private final PendingWrites pending;

  /** @param reporter empty: reporting is off */
  SessionReports(Optional<BehaviourReporter> reporter, PlayStateStore store, PendingWrites pending) {
    this.reporter = reporter;
    this.store = store;
    this.pending = pending;
  }

  /**
   * A login, once per run of the session: a session authorized again while it runs is no new
   * login, one authorized after a stop is: the stop mark is the one {@code ctx} read of the session.
   */
  void login(RequestContext ctx, String session, long at) {
    if (!reported(ctx)) {
      return;
    }
    long stoppedBefore = ctx.state().stoppedAt().orElse(0);
    if (store.claimNonce(Keys.sessionLogin(ctx.platform(), session, stoppedBefore), at + LOGIN_MARK_SECONDS, at)) {
      report(ctx, session, BehaviourType.LOGIN, at);
    }
  }

  void logout(RequestContext ctx, String session, long at) {
    report(ctx, session, BehaviourType.LOGOUT, at);
  }

  /** Sessions of {@code service} may be reported: reporting is on and the service an online game. */
  boolean on(ServiceKind service) {
    return reporter.isPresent() && service == ServiceKind.GAME;
  }

  /** {@link #on} for the service, and the user a guest or attested by the NPPA. */
  private boolean reported(RequestContext ctx) {
    return on(ctx.service()) && !(ctx.subject() instanceof Subject.Person person && person.nppaPi() == null);
  }

  private void report(RequestContext ctx, String session, BehaviourType type, long at) {
    if (!reported(ctx)) {
      return;
    }
    String si = shortId(ctx.platform(), session);
    Instant when = Instant.ofEpochSecond(at);
    BehaviourRecord record = ctx.subject() instanceof Subject.Person person
        ? BehaviourRecord.authenticated(si, type, when, person.nppaPi())
        : BehaviourRecord.guest(si, type, when, shortId(ctx.platform(), ((Subject.Guest) ctx.subject()).device()));
    CompletableFuture<Void> queued;
    try {
      queued = reporter.get().report(record);
    } catch (RuntimeException e) {
      queued = CompletableFuture.failedFuture(e);
    }
    pending.await(queued.exceptionally(e -> {
      // the log names the session id only: the pi or device would identify a person or a phone
      LOG.log(System.Logger.Level.ERROR, "NPPA record not queued, it will not be reported: si=" + si + " bt=" + type,
          e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
      return null;
    }));
  }

  /**
   * The interface's si and di are at most 32 bytes and must not collide across platforms: 32 hex
   * digits of SHA-256 over the platform and the platform's own id, the same every time.
   */
  private static String shortId(String platform, String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((platform + "\0" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
