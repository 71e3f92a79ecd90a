package org.humiao.screening.pii;

import static org.humiao.screening.pii.CoreFinder.NUM;
import static org.humiao.screening.pii.CoreFinder.NUMBER_CHARS;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Home addresses: (A) an administrative unit ({@code 省市区县镇}) followed by a street ({@code
 * 路街巷道大街大道胡同弄}), a house number {@code N号} and an optional building/unit/room tail;
 * (A') the same street and house number after a residence cue (pii/residence_cues.tsv), without
 * the administrative unit, the range starting after the cue; (B) a residential compound
 * (pii/compound_suffixes.tsv) followed by a building/unit/room number ({@code 5栋, 3号楼, 2单元,
 * 301室, 5号}) and an optional tail such as {@code 302}. {@code N号线} (a metro line) is not a
 * house number. The range starts at most 6 name chars before the administrative unit (A) or the
 * compound suffix (B), 12 after a residence cue (A').
 */
final class AddressRule implements PiiRule {
  private static final String ADMIN_UNITS = "省市区县镇";
  private static final Literals STREETS =
      new Literals(List.of("大街", "大道", "胡同", "路", "街", "巷", "道", "弄"));
  /** What may stand between a residence cue and the address (住址:人民路15号). */
  private static final String RESIDENCE_CUE_FILLER = "是为:：";

  private static final String HOUSE_NO = NUM + "号(?!线)院?";
  private static final String BUILDING = NUM + "(?:号楼|栋|幢|座|单元|层|楼|室|号(?!线))";
  private static final String TAIL =
      "(?:" + BUILDING + "){0,4}(?:[0-9]{1,5}(?![0-9])(?:室|房)?)?";

  private final Literals residenceCues;
  private final CoreFinder streets;
  private final CoreFinder compounds;

  AddressRule(PiiLexicon words) {
    residenceCues = new Literals(words.residenceCues());
    streets = core(STREETS, HOUSE_NO + TAIL, this::streetNameStart);
    Literals suffixes = new Literals(words.compoundSuffixes());
    compounds = core(suffixes, BUILDING + TAIL, AddressRule::compoundNameStart);
  }

  /** A core: one of {@code lead}, then {@code rest}. */
  private static CoreFinder core(Literals lead, String rest, CoreFinder.Name name) {
    return new CoreFinder(
        PersonalInfoKind.ADDRESS,
        lead.firstChars(),
        lead::endAt,
        NUMBER_CHARS,
        Pattern.compile(lead.alternation() + rest),
        name);
  }

  @Override
  public void find(PiiText text, List<PersonalInfoMatch> out) {
    if (text.hasNumber() && text.has(CharClass.BUILDING)) {
      streets.find(text.text(), out);
      compounds.find(text.text(), out);
    }
  }

  /** (A): NAME{1,6} admin unit NAME{0,12} before the street; else (A'): cue filler? NAME{1,12}. */
  private int streetNameStart(CharSequence t, int cs) {
    // the earliest admin unit gives the earliest start
    int r = CoreFinder.nameRunStart(t, cs, 6 + 1 + 12);
    for (int a = Math.max(r + 1, cs - 13); a < cs; a++) {
      if (ADMIN_UNITS.indexOf(t.charAt(a)) >= 0) {
        return Math.max(r, a - 6);
      }
    }
    for (int s = CoreFinder.nameRunStart(t, cs, 12); s < cs; s++) {
      if (residenceCues.endsAt(t, s)
          || (s > 0
              && RESIDENCE_CUE_FILLER.indexOf(t.charAt(s - 1)) >= 0
              && residenceCues.endsAt(t, s - 1))) {
        return s;
      }
    }
    return -1;
  }

  /** (B): NAME{1,6} before the compound suffix. */
  private static int compoundNameStart(CharSequence t, int cs) {
    int r = CoreFinder.nameRunStart(t, cs, 6);
    return r < cs ? r : -1;
  }
}
