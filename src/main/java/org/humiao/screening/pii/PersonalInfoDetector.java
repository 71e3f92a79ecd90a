package org.humiao.screening.pii;

import org.humiao.screening.text.LexiconException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds personal information that a minor discloses in a chat line: resident identity numbers,
 * mobile numbers, QQ numbers, WeChat ids, e-mail addresses, home addresses and school + class.
 *
 * <h2>Input</h2>
 *
 * <p>The text must already be normalized by the caller: full-width digits and letters converted
 * to ASCII, lower-cased, spaces and separators removed, traditional characters converted to
 * simplified. All offsets in the returned {@link PersonalInfoMatch}es are char indices into that
 * normalized text. Numbers, cues and ids are matched on the text {@link PiiText#fold folded}:
 * Chinese numerals read as digits ({@code 零〇→0, 一壹幺→1, 二贰→2, ... 九玖→9}; one char for one
 * char, so offsets are unchanged) and letters folded as the engine folds them.
 *
 * <h2>Rules</h2>
 *
 * <p>One rule a kind, each described in its class: {@link ResidentIdRule}, {@link MobileRule},
 * {@link QqRule}, {@link WechatRule}, {@link EmailRule}, {@link AddressRule}, {@link
 * SchoolRule}. Their cue words and suffixes are lexicon data, read from the {@code pii/} folder of
 * the lexicon directory ({@link PiiLexicon}), so a lexicon reload brings changed cues in.
 *
 * <p>Han place names cannot be delimited without a gazetteer. The name before an address or
 * school is a run of BMP Han chars other than a few function chars ({@code 的了在住是我...}), and
 * the range starts at the earliest name char the rule allows. A range can thus include a few
 * chars of leading context, e.g. "今天阳光小区5栋", or miss the start of a long name.
 *
 * <p>Overlapping matches are resolved here, by priority: resident_id, then email, then
 * qq/wechat, then mobile, then address/school; ties: the earlier, then the longer one wins. The
 * result is sorted by start and never overlaps.
 *
 * <h2>Speed</h2>
 *
 * <p>Each call first scans the text once through a table of {@link CharClass}es, collecting which
 * classes occur and the longest run of digits and numerals. A line with no char any rule needs
 * (most chat lines) returns the shared empty list right there, at one table look-up per char;
 * otherwise a rule only runs when the chars it needs are present (numbers: a run of at least 11;
 * cues: a cue's first char; ...). {@code PersonalInfoBenchmark} (JMH, one thread, {@code -f 1 -wi
 * 2 -i 3}, on a 2-core box shared with other builds) measured about 30 ns for a clean 20-char
 * line, 45 ns a line over benchmarks/corpus/chat-lines.txt (9.4 chars a line after normalization)
 * and 0.9 µs for a 24-char line with a QQ number and an address; while other builds loaded the
 * box, up to 2-3 times that (60 ns, 90 ns, 3 µs). Instances are immutable and thread-safe.
 */
public final class PersonalInfoDetector {
  private final byte[] classes;
  private final PiiRule[] rules;

  PersonalInfoDetector(Clock clock, PiiLexicon words) {
    classes = CharClass.table(words);
    rules =
        new PiiRule[] {
          new ResidentIdRule(clock),
          new MobileRule(),
          new QqRule(words),
          new WechatRule(words),
          new EmailRule(),
          new AddressRule(words),
          new SchoolRule(words)
        };
  }

  /**
   * A detector with the word lists of {@code lexiconDir}'s {@code pii/} folder.
   *
   * @param clock source of "today" for rejecting identity numbers with future birth dates
   * @throws org.humiao.screening.LexiconException when a word list is missing or unreadable
   */
  public static PersonalInfoDetector load(Path lexiconDir, Clock clock) {
    return new PersonalInfoDetector(clock, PiiLexicon.load(lexiconDir));
  }

  /**
   * Finds personal information in already-normalized text (see the class comment).
   *
   * @return non-overlapping matches sorted by start; an immutable list
   */
  public List<PersonalInfoMatch> find(CharSequence text) {
    PiiText t = PiiText.scan(Objects.requireNonNull(text, "text"), classes);
    if (t.isPlain()) {
      return List.of();
    }
    List<PersonalInfoMatch> found = new ArrayList<>();
    for (PiiRule rule : rules) {
      rule.find(t, found);
    }
    return resolve(found);
  }

  private static final Comparator<PersonalInfoMatch> BY_PRIORITY =
      Comparator.comparingInt((PersonalInfoMatch x) -> -priority(x.kind()))
          .thenComparingInt(PersonalInfoMatch::start)
          .thenComparingInt(x -> -x.length());

  private static final Comparator<PersonalInfoMatch> BY_POSITION =
      Comparator.comparingInt(PersonalInfoMatch::start).thenComparingInt(PersonalInfoMatch::end);

  /** The more precise identifier wins an overlap: an id number over a phone over a place. */
  private static int priority(PersonalInfoKind kind) {
    return switch (kind) {
      case RESIDENT_ID -> 4;
      case EMAIL -> 3;
      case QQ, WECHAT -> 2;
      case MOBILE -> 1;
      case ADDRESS, SCHOOL -> 0;
    };
  }

  private static List<PersonalInfoMatch> resolve(List<PersonalInfoMatch> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    if (found.size() == 1) {
      return List.of(found.get(0));
    }
    found.sort(BY_PRIORITY);
    List<PersonalInfoMatch> kept = new ArrayList<>(found.size());
    for (PersonalInfoMatch x : found) {
      if (kept.stream().noneMatch(k -> x.start() < k.end() && k.start() < x.end())) {
        kept.add(x);
      }
    }
    kept.sort(BY_POSITION);
    return List.copyOf(kept);
  }
}
