package org.humiao.pileon;

import com.fasterxml.jackson.core.JsonGenerator;
import org.humiao.screening.ScreeningResult;

import java.io.IOException;
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

  /** Writes {@code protected} and {@code pileOn} into a screen answer being written, when they apply. */
  public void writeFields(JsonGenerator answer) throws IOException {
    if (protectedTarget) {
      answer.writeBooleanField("protected", true);
    }
    if (crossing.isPresent()) {
      answer.writeObjectFieldStart("pileOn");
      answer.writeStringField("level", crossing.get().level().id());
      answer.writeStringField("target", crossing.get().target());
      answer.writeEndObject();
    }
  }
}
