package org.humiao.screening.pii;

import java.util.List;

/**
 * QQ numbers: after a QQ cue (pii/qq_cues.tsv) and at most four fillers, a maximal run of 5–11
 * digits not starting with 0. The range covers the number only; a bare number is never a QQ
 * number.
 */
final class QqRule extends CuedRule {

  QqRule(PiiLexicon words) {
    super(words.qqCues(), words.contactFillers());
  }

  @Override
  PersonalInfoMatch valueAt(PiiText text, int p) {
    String m = text.folded();
    if (m.charAt(p) < '1' || m.charAt(p) > '9' || (p > 0 && PiiText.isDigit(m.charAt(p - 1)))) {
      return null;
    }
    int e = text.digitRunEnd(p);
    return e - p >= 5 && e - p <= 11 ? new PersonalInfoMatch(PersonalInfoKind.QQ, p, e) : null;
  }
}
