package org.humiao.screening.segments;

import org.humiao.screening.text.CharFolding;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
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

  /** A segment and the model's probability for it alone. */
  public record Ranked(Segment segment, double score) {}

  /**
   * A long text's score from its clauses.
   *
   * @param score the probability the text is scored at: the whole text's, or raised by its best
   *     segment as {@link SegmentTrust#raise} says
   * @param raised whether the best segment raised it
   * @param best the segment the model scores highest (offsets into the normalized text) and its score
   * @param top the segments the model scores highest, best first, at most
   *     {@link SegmentTrust#encoded()}: the ones the semantic tier reads
   * @param count how many segments were scored
   */
  public record Scored(double score, boolean raised, Ranked best, List<Ranked> top, int count) {
    public Scored {
      top = List.copyOf(top);
    }
  }

  /**
   * The text's score from its segments, or empty when it is too short to be cut (the whole text's
   * score then stands).
   *
   * @param whole the model's probability for the whole normalized text
   */
  public static Optional<Scored> score(CharSequence normalized, double whole, SegmentPolicy policy,
      ToDoubleFunction<CharSequence> model) {
    if (!policy.applies(normalized.length())) {
      return Optional.empty();
    }
    List<Segment> segments = cut(normalized, policy);
    List<Ranked> ranked = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      ranked.add(new Ranked(s, model.applyAsDouble(CharBuffer.wrap(normalized, s.start(), s.end()))));
    }
    // best first; a tie goes to the earlier segment (the sort is stable)
    ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
    Ranked best = ranked.get(0);
    SegmentTrust trust = policy.trust();
    return Optional.of(new Scored(trust.raise(whole, best.score()), trust.raises(whole, best.score()), best,
        ranked.subList(0, Math.min(trust.encoded(), ranked.size())), segments.size()));
  }

  /**
   * What a second model (the semantic tier) makes of a long text: its probability for the whole
   * text, raised by the best of the {@link Scored#top()} segments as the same {@link SegmentTrust}
   * says, and the segment that raised it, if one did.
   */
  public record Judged(double score, Optional<Segment> raisedBy) {}

  /**
   * @param whole the second model's probability for the whole text
   * @param model the second model's probability for the i-th of {@code scored.top()}
   */
  public static Judged judge(Scored scored, double whole, SegmentTrust trust, IntToDoubleFunction model) {
    Segment best = null;
    double top = -1;
    for (int i = 0; i < scored.top().size(); i++) {
      double score = model.applyAsDouble(i);
      if (score > top) {
        top = score;
        best = scored.top().get(i).segment();
      }
    }
    return trust.raises(whole, top) ? new Judged(trust.raise(whole, top), Optional.of(best))
        : new Judged(whole, Optional.empty());
  }

  /**
   * The texts the semantic tier reads for a text: the text itself, then, when it was scored by
   * segments, its {@link Scored#top()} segments in that order.
   */
  public static List<String> withTop(String normalized, Optional<Scored> scored) {
    if (scored.isEmpty()) {
      return List.of(normalized);
    }
    List<String> texts = new ArrayList<>(1 + scored.get().top().size());
    texts.add(normalized);
    for (Ranked r : scored.get().top()) {
      texts.add(normalized.substring(r.segment().start(), r.segment().end()));
    }
    return texts;
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
