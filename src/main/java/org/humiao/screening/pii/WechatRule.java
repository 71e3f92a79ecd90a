package org.humiao.screening.pii;

import java.util.List;

/**
 * WeChat ids: after a WeChat cue (pii/wechat_cues.tsv) and at most four fillers, either an id of
 * 6–20 letters, digits, {@code _} and {@code -} starting with a letter (the whole maximal run), or
 * a mobile number as {@link MobileRule} reads it. The range covers the id only.
 */
final class WechatRule extends CuedRule {

  WechatRule(PiiLexicon words) {
    super(words.wechatCues(), words.contactFillers());
  }

  @Override
  PersonalInfoMatch valueAt(PiiText text, int p) {
    String m = text.folded();
    char c = m.charAt(p);
    if (c >= 'a' && c <= 'z') {
      int e = p + 1;
      while (e < m.length() && isIdChar(m.charAt(e))) {
        e++;
      }
      int len = e - p;
      return len >= 6 && len <= 20 ? new PersonalInfoMatch(PersonalInfoKind.WECHAT, p, e) : null;
    }
    int q = c == '+' ? p + 1 : p;
    if (q >= m.length()
        || !PiiText.isDigit(m.charAt(q))
        || (q > 0 && PiiText.isDigit(m.charAt(q - 1)))) {
      return null;
    }
    int e = text.digitRunEnd(q);
    int s = MobileRule.start(m, q, e);
    return s >= 0 ? new PersonalInfoMatch(PersonalInfoKind.WECHAT, s, e) : null;
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
}
