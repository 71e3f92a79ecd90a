package org.humiao.http.screen;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.humiao.compliance.DenominatorTally;
import org.humiao.events.Pseudonyms;
import org.humiao.events.ViolationEvent;
import org.humiao.screening.Category;
import org.humiao.screening.CategoryScore;
import org.humiao.screening.Decision;
import org.humiao.screening.Evidence;
import org.humiao.screening.Reason;
import org.humiao.screening.ScreeningResult;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts every text screened for a platform and turns every blocked or held text into a {@link ViolationEvent} for the sink. The event carries
 * what a regulator needs to act and nothing more: the matched terms, the categories and the
 * masked text, never the raw text, and the author only as a pseudonym.
 */
public final class ScreeningEvents {
  /** Harms a platform must report to the authorities at their highest severity: danger to a person, not just offence. */
  private static final Set<Category> MANDATORY = EnumSet.of(Category.THREAT, Category.SEXUAL_HARASSMENT,
      Category.SELF_HARM, Category.PERSONAL_INFO);
  private static final int MANDATORY_SEVERITY = 4;
  /** A text held unscreened is a review, as a severity-2 finding is. */
  private static final int UNSCREENED_SEVERITY = 2;

  private final Pseudonyms pseudonyms;
  private final Consumer<ViolationEvent> sink;
  private final Clock clock;
  private final DenominatorTally screened;

  /** @param screened counts every text screened for a platform: the compliance rates' denominator */
  public ScreeningEvents(Pseudonyms pseudonyms, Consumer<ViolationEvent> sink, Clock clock, DenominatorTally screened) {
    this.pseudonyms = pseudonyms;
    this.sink = sink;
    this.clock = clock;
    this.screened = screened;
  }

  /**
   * @param platform the platform the text was screened for; null (an admin naming none) records
   *     nothing, since an event belongs to a platform
   */
  void report(ScreenRequest request, String platform, ScreeningResult result) {
    if (platform != null) {
      screened.count(platform, request.region());
    }
    if (!result.flagged() || platform == null) {
      return;
    }
    // categories come strongest first; a flagged text has at least one, unless the engine failed on it
    CategoryScore strongest = result.categories().isEmpty()
        ? new CategoryScore(Category.UNSCREENED, UNSCREENED_SEVERITY, 0) : result.categories().get(0);
    ViolationEvent.Kind kind = result.reason() == Reason.REPOST ? ViolationEvent.Kind.REPOST_BLOCKED
        : result.decision() == Decision.BLOCK ? ViolationEvent.Kind.TEXT_BLOCKED : ViolationEvent.Kind.TEXT_REVIEW;
    String user = request.authorId() == null ? null : pseudonyms.of(platform, request.authorId());
    boolean mandatory = strongest.severity() >= MANDATORY_SEVERITY && MANDATORY.contains(strongest.category());
    sink.accept(ViolationEvent.builder(platform, kind)
        // without a dataId nothing tells a retry from a new message, so each gets an id of its own
        .id(request.dataId() == null ? null : ViolationEvent.derivedId("screen", platform, request.dataId()))
        .time(clock.instant())
        .category(strongest.category().id(), strongest.severity())
        .rule(result.reason().id())
        .user(user)
        .region(request.region())
        .dataId(request.dataId())
        .mandatoryReport(mandatory)
        .evidence(evidence(request, result))
        .build());
  }

  private static JsonObject evidence(ScreenRequest request, ScreeningResult result) {
    JsonArray terms = new JsonArray();
    for (Evidence e : result.evidence()) {
      terms.add(new JsonObject().put("term", e.term()).put("category", e.category().id())
          .put("severity", e.severity()).put("source", e.source()));
    }
    JsonArray categories = new JsonArray();
    result.categories().forEach(c -> categories.add(c.category().id()));
    return new JsonObject()
        .put("decision", result.decision().id())
        .put("scene", request.scene().id())
        .put("terms", terms)
        .put("categories", categories)
        .put("masked", result.masked())
        .put("lexiconVersion", result.lexiconVersion());
  }
}
