package org.humiao.pileon;

import io.vertx.core.json.JsonObject;
import org.humiao.screening.ScreeningResult;

import java.util.Optional;

/**
 * What tracking made of one screened message: its result (stricter when it was aimed at a
 * protected target), whether it was, and the level the message raised a target to, if it did.
 */
public record Verdict(ScreeningResult result, boolean protectedTarget, Optional<Crossing> crossing) {

  /** A target the message raised to a level; the highest when it raised several. */
  public record Crossing(String target, RiskLevel level) {}

  public static Verdict untouched(ScreeningResult result) {
    return new Verdict(result, false, Optional.empty());
  }

  /** Adds {@code protected} and {@code pileOn} to a screen answer, when they apply. */
  public JsonObject annotate(JsonObject answer) {
    if (protectedTarget) {
      answer.put("protected", true);
    }
    crossing.ifPresent(c -> answer.put("pileOn", new JsonObject().put("level", c.level().id()).put("target", c.target())));
    return answer;
  }
}
