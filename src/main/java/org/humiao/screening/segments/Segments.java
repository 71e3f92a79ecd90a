package org.humiao.screening.segments;

import org.humiao.screening.text.CharFolding;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Scores a long text by its clauses: a model that scores a whole post at once dilutes one harmful
 * clause among innocent ones, so a text at least {@link SegmentPolicy#minTextLength()} long is
 * cut at the sentence and clause boundaries the normalizer keeps (，。！？；… and line breaks),
 * clauses merged up to {@link SegmentPolicy#minLength()}, long ones scored in overlapping windows,
 * and the most offensive segment's score raises the text's.
 */
public final class Segments {
  private Segments() {}

  /**
   * A long text's score from its clauses.
   *
   * @param score the probability the text is scored at: the whole text's and its best segment's
   *     combined (their log-odds averaged), so one harmful clause counts without every clause
   *     that a model half-suspects flagging the post on its own
   * @param best the segment the model scores highest, in the normalized text
   * @param count how many segments were scored
   */
  public record Scored(double score, Segment best, int count) {}

  /**
   * The text's score from its segments, or empty when it is too short to be cut or no segment
   * scores above the whole text (the whole text's score then stands).
   *
   * @param whole the model's probability for the whole normalized text
   */
  public static Optional<Scored> score(CharSequence normalized, double whole, SegmentPolicy policy,
      ToDoubleFunction<CharSequence> model) {
    if (!policy.applies(normalized.length())) {
      return Optional.empty();
    }
    List<Segment> segments = cut(normalized, policy);
    Segment best = null;
    double top = -1;
    for (Segment s : segments) {
      double score = model.applyAsDouble(CharBuffer.wrap(normalized, s.start(), s.end()));
      if (score > top) {
        top = score;
        best = s;
      }
    }
    if (top <= whole) {
      return Optional.empty();
    }
    return Optional.of(new Scored(combine(whole, top), best, segments.size()));
  }

  /**
   * The mean of two probabilities' log-odds, as a probability. Chosen on the tune half of the
   * synthetic long posts over the best segment's probability alone, which flagged far more innocent
   * posts for the same macro-F1 (docs/screening-quality.md, "Session 10").
   */
  static double combine(double whole, double best) {
    return sigmoid((logit(whole) + logit(best)) / 2);
  }

  private static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6); // a model's 0 or 1 stays finite
    return Math.log(q / (1 - q));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** The segments of a normalized text, in order, at most {@link SegmentPolicy#maxSegments()}. */
  public static List<Segment> cut(CharSequence normalized, SegmentPolicy policy) {
    List<Segment> segments = new ArrayList<>();
    for (Segment clause : clauses(normalized, policy.minLength())) {
      windows(clause, policy.window(), segments);
    }
    if (segments.size() <= policy.maxSegments()) {
      return segments;
    }
    // past the cap: evenly spaced windows, half-overlapping, that cover the text whole
    int length = normalized.length();
    int window = Math.max(policy.window(), (int) Math.ceil(2.0 * length / (policy.maxSegments() + 1)));
    List<Segment> capped = new ArrayList<>();
    windows(new Segment(0, length), window, capped);
    while (capped.size() > policy.maxSegments()) { // a window rounded down to an even step can make one too many
      capped.clear();
      windows(new Segment(0, length), ++window, capped);
    }
    return capped;
  }

  /** Clauses between boundary marks, each merged with the next until it is at least minLength long. */
  static List<Segment> clauses(CharSequence text, int minLength) {
    List<Segment> merged = new ArrayList<>();
    int start = -1;
    int end = -1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == CharFolding.BOUNDARY_MARK) {
        i++;
      }
      int from = i;
      while (i < n && text.charAt(i) != CharFolding.BOUNDARY_MARK) {
        i++;
      }
      if (i == from) {
        break;
      }
      if (start < 0) {
        start = from;
      }
      end = i;
      if (end - start >= minLength) {
        merged.add(new Segment(start, end));
        start = -1;
      }
    }
    if (start >= 0) {
      // a short tail joins the clause before it; a text of one short clause is one segment
      if (merged.isEmpty()) {
        merged.add(new Segment(start, end));
      } else {
        merged.set(merged.size() - 1, new Segment(merged.get(merged.size() - 1).start(), end));
      }
    }
    return merged;
  }

  /** The segment itself when it fits a window, else windows a half window apart, the last ending with it. */
  private static void windows(Segment s, int window, List<Segment> out) {
    if (s.length() <= window) {
      out.add(s);
      return;
    }
    int step = window / 2;
    for (int from = s.start(); ; from += step) {
      if (from + window >= s.end()) {
        out.add(new Segment(s.end() - window, s.end()));
        return;
      }
      out.add(new Segment(from, from + window));
    }
  }
}
