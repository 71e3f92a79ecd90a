package org.humiao.screening.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses: {@code local@domain.tld} with ASCII letters and digits. */
final class EmailRule implements PiiRule {
  private static final Pattern EMAIL =
      Pattern.compile(
          "[a-z0-9][a-z0-9._%+\\-]{0,63}@[a-z0-9][a-z0-9\\-]{0,62}(?:\\.[a-z0-9][a-z0-9\\-]{0,62})*\\.[a-z]{2,24}");

  @Override
  public void find(PiiText text, List<PersonalInfoMatch> out) {
    if (!text.has(CharClass.AT)) {
      return;
    }
    Matcher m = EMAIL.matcher(text.folded());
    while (m.find()) {
      out.add(new PersonalInfoMatch(PersonalInfoKind.EMAIL, m.start(), m.end()));
    }
  }
}
