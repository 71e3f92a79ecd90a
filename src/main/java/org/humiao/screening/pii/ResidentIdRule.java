package org.humiao.screening.pii;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.humiao.identity.ResidentIdNumber;

/**
 * Resident identity numbers: a maximal run of 18 digits (or 17 digits and {@code x}) or of 15
 * digits that passes {@link ResidentIdNumber#parse} with "today" from the injected clock, so a
 * wrong check character or an impossible or future birth date is not reported.
 */
final class ResidentIdRule implements PiiRule {
  private final Clock clock;

  ResidentIdRule(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void find(PiiText text, List<PersonalInfoMatch> out) {
    if (text.longestNumberRun() < 15) {
      return;
    }
    String m = text.folded();
    LocalDate today = LocalDate.now(clock);
    text.forEachDigitRun(
        (s, e) -> {
          // 17 digits and a check character x, which must not run on into more digits
          boolean x = e - s == 17 && e < m.length() && m.charAt(e) == 'x'
              && (e + 1 == m.length() || !PiiText.isDigit(m.charAt(e + 1)));
          int end = x ? e + 1 : e;
          if (ResidentIdNumber.parse(m, s, end, today).isPresent()) {
            out.add(new PersonalInfoMatch(PersonalInfoKind.RESIDENT_ID, s, end));
          }
        });
  }
}
