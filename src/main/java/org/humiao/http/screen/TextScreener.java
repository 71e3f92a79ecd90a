package org.humiao.http.screen;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import org.humiao.keys.ApiKey;
import org.humiao.moderation.strategy.Strategy;
import org.humiao.pileon.Aim;
import org.humiao.pileon.Verdict;
import org.humiao.screening.InvalidTextException;
import org.humiao.screening.ScreenOptions;
import org.humiao.screening.ScreeningEngine;
import org.humiao.screening.ScreeningResult;
import org.humiao.screening.semantic.SemanticTier;

import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Screens one request's text by its platform's strategy, counts it, lets pile-on tracking see it,
 * reports a block or review as a violation event, puts a review into its platform's review queue
 * and returns what its answer is written from; shared by the single and the batch route. Runs on a worker.
 */
final class TextScreener {
  private final DecisionMetrics decisions;
  private final ScreeningEvents events;
  private final Moderation moderation;

  TextScreener(DecisionMetrics decisions, ScreeningEvents events, Moderation moderation) {
    this.decisions = decisions;
    this.events = events;
    this.moderation = moderation;
  }

  /** @param options the scene and, in a batch, what is left of the batch's budget for the semantic tier */
  ScreenAnswer screen(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options) {
    return record(decide(engine, key, request, options));
  }

  /** What the engine decided for one request, before pile-on tracking, metrics, events and review see it. */
  record Decided(ScreenRequest request, String platform, Strategy strategy, ScreeningResult result) {}

  /**
   * The engine's part: the platform's strategy and lists, then the text screened.
   *
   * @param key the caller, whose platform the text is screened for (with that platform's strategy)
   *     when the request names none
   * @throws ApiError text_too_long or invalid_text when the engine refuses the text
   */
  Decided decide(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options) {
    return decide(engine, key, request, options, engine::screen);
  }

  /** {@link #decide} of a text whose semantic tier ticket the event loop got ({@link #decideHere}). */
  Decided decide(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options, SemanticTier.Ticket ticket) {
    return decide(engine, key, request, options, (text, o) -> engine.screen(text, o, ticket));
  }

  /**
   * {@link #decide} for an event loop, which never waits for the semantic tier: null when the tier
   * admitted the text, whose ticket then goes to {@code handOff} for a worker to decide with.
   */
  Decided decideHere(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options,
                     Consumer<SemanticTier.Ticket> handOff) {
    ScreeningEngine.Attempt[] attempt = new ScreeningEngine.Attempt[1];
    Decided decided = decide(engine, key, request, options, (text, o) -> {
      attempt[0] = engine.screenWithoutWaiting(text, o);
      return attempt[0].result();
    });
    if (attempt[0].ticket() != null) {
      handOff.accept(attempt[0].ticket());
      return null;
    }
    return decided;
  }

  private Decided decide(ScreeningEngine engine, ApiKey key, ScreenRequest request, ScreenOptions options,
                         BiFunction<String, ScreenOptions, ScreeningResult> screen) {
    String platform = request.platform() != null ? request.platform() : key.platform();
    Strategy strategy = moderation.strategies().current().forPlatform(platform);
    ScreenOptions decided = options.withRules(strategy.rules(request.scene()));
    ScreenOptions withLists = moderation.lists().overlay(platform, engine).map(decided::withOverlay).orElse(decided);
    try {
      return new Decided(request, platform, strategy, screen.apply(request.text(), withLists));
    } catch (InvalidTextException e) {
      throw new ApiError(errorCode(e), e.getMessage());
    }
  }

  /** The hooks' part: pile-on tracking, the decision counted, a violation event, a review task. */
  ScreenAnswer record(Decided d) {
    ScreenRequest request = d.request();
    String platform = d.platform();
    ScreeningResult result = d.result();
    // a text aimed at no one leaves the tracker untouched: no Aim is built for it
    Verdict verdict = moderation.pileOn().isEmpty() || platform == null || !request.aimed() ? Verdict.untouched(result)
        : moderation.pileOn().get().screened(Aim.builder(platform).target(request.targetId()).targets(request.mentions())
            .author(request.authorId()).relation(request.relation()).dataId(request.dataId()).build(), result);
    result = verdict.result();
    decisions.record(result);
    events.report(request, platform, result);
    moderation.reviews().screened(platform, request.dataId(), request.scene().id(), request.text(), result);
    return new ScreenAnswer(verdict, request.scene(), d.strategy());
  }

  private static ErrorCode errorCode(InvalidTextException e) {
    return switch (e.problem()) {
      case TEXT_TOO_LONG -> ErrorCode.TEXT_TOO_LONG;
      case INVALID_TEXT -> ErrorCode.INVALID_TEXT;
    };
  }
}
