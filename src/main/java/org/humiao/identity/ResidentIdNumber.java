package org.humiao.identity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PRC resident identity number (公民身份号码) as defined by GB 11643-1999, parsed and validated.
 *
 * <p>Two forms are accepted:
 *
 * <ul>
 *   <li>the 18-character form: 6-digit administrative region code, 8-digit birth date {@code
 *       YYYYMMDD}, 3-digit sequence code and one check character computed with ISO 7064 MOD 11-2
 *       (weights {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2}, check characters {@code
 *       "10X98765432"} indexed by the weighted sum mod 11). A lower-case {@code x} is accepted as
 *       check character;
 *   <li>the old 15-digit form: 6-digit region code, 6-digit birth date {@code YYMMDD} (always in
 *       the 1900s), 3-digit sequence code, no check character.
 * </ul>
 *
 * <p>Besides the format and the check character, a number is only accepted when it is plausible:
 * its first two digits are a real province-level code of GB/T 2260 (11–15, 21–23, 31–37, 41–46,
 * 50–54, 61–65, 71 Taiwan, 81 Hong Kong, 82 Macao) or 83, the code used in the residence-permit
 * numbers of Taiwan residents, which follow the same scheme; and its birth date is a real calendar
 * date that is neither before {@link #EARLIEST_BIRTH_DATE} nor after the given "today". The
 * remaining four region digits are not checked against the (frequently changing) county list.
 *
 * <p>Instances hold personal data. {@link #toString()} therefore never shows the number, only the
 * province code and the birth year; the full canonical form is available only through {@link
 * #canonical18()}, meant for computing a keyed hash of the person. Instances are immutable and
 * compare equal when their canonical 18-character forms are equal (a 15-digit number equals its
 * upgraded 18-digit form).
 */
public final class ResidentIdNumber {

  /** Birth dates before this day are rejected as implausible. */
  private static final Pattern STANDALONE_18 = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");
  public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";

  private static final boolean[] PROVINCES = new boolean[100];

  static {
    int[] codes = {
      11, 12, 13, 14, 15, // 北京 天津 河北 山西 内蒙古
      21, 22, 23, // 辽宁 吉林 黑龙江
      31, 32, 33, 34, 35, 36, 37, // 上海 江苏 浙江 安徽 福建 江西 山东
      41, 42, 43, 44, 45, 46, // 河南 湖北 湖南 广东 广西 海南
      50, 51, 52, 53, 54, // 重庆 四川 贵州 云南 西藏
      61, 62, 63, 64, 65, // 陕西 甘肃 青海 宁夏 新疆
      71, 81, 82, // 台湾 香港 澳门
      83 // residence permits of Taiwan residents (not in GB/T 2260)
    };
    for (int c : codes) {
      PROVINCES[c] = true;
    }
  }

  private final String canonical18;
  private final boolean eighteenDigit;
  private final LocalDate birthDate;

  private ResidentIdNumber(String canonical18, boolean eighteenDigit, LocalDate birthDate) {
    this.canonical18 = canonical18;
    this.eighteenDigit = eighteenDigit;
    this.birthDate = birthDate;
  }

  /**
   * Parses and validates a whole character sequence as a resident identity number. No whitespace
   * or separator is stripped: the sequence must be exactly 15 digits, or 17 digits followed by a
   * digit, {@code X} or {@code x}.
   *
   * @param s the candidate
   * @param today the current date; numbers whose birth date is after it are rejected
   * @return the parsed number, or empty if {@code s} is not a valid, plausible number
   */
  public static Optional<ResidentIdNumber> parse(CharSequence s, LocalDate today) {
    return parse(s, 0, s.length(), today);
  }

  /**
   * Like {@link #parse(CharSequence, LocalDate)} but on the slice {@code [start, end)} of {@code
   * s}, without copying it.
   *
   * @throws IndexOutOfBoundsException if the slice is not within {@code s}
   */
  public static Optional<ResidentIdNumber> parse(
      CharSequence s, int start, int end, LocalDate today) {
    Objects.requireNonNull(s, "s");
    Objects.requireNonNull(today, "today");
    Objects.checkFromToIndex(start, end, s.length());
    int len = end - start;
    if (len == 18) {
      return Optional.ofNullable(parse18(s, start, today));
    }
    if (len == 15) {
      return Optional.ofNullable(parse15(s, start, today));
    }
    return Optional.empty();
  }

  /**
   * Fast check of the 18-character form without allocating: format, check character, province
   * code and birth date (a real date, not before {@link #EARLIEST_BIRTH_DATE}). Unlike {@link
   * #parse}, it cannot reject birth dates in the future, as it has no notion of today.
   */
  public static boolean isValid18(CharSequence s) {
    Objects.requireNonNull(s, "s");
    return s.length() == 18 && check18(s, 0) != null;
  }

  /**
   * Whether free text (a note) holds a valid 18-character number standing alone: what a record
   * that keeps only pseudonyms must refuse.
   */
  public static boolean foundIn(String text) {
    Matcher m = STANDALONE_18.matcher(text);
    while (m.find()) {
      if (isValid18(m.group().toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Computes the ISO 7064 MOD 11-2 check character ({@code 0}–{@code 9} or upper-case {@code X})
   * of the first 17 characters of {@code first17}, which must be ASCII digits.
   *
   * @throws IllegalArgumentException if {@code first17} is shorter than 17 characters or is not
   *     all digits there
   */
  public static char checkCharFor(CharSequence first17) {
    Objects.requireNonNull(first17, "first17");
    if (first17.length() < 17 || !allDigits(first17, 0, 17)) {
      // The message deliberately does not repeat the input: it may be personal data.
      throw new IllegalArgumentException("need at least 17 ASCII digits");
    }
    return checkChar(first17, 0);
  }

  /**
   * Upgrades a 15-digit number to its canonical 18-character form: the century {@code 19} is
   * inserted before the two-digit birth year and the check character is appended. Only the format
   * (15 ASCII digits) is checked; use {@link #parse} to validate the content.
   *
   * @throws IllegalArgumentException if {@code fifteen} is not exactly 15 ASCII digits
   */
  public static String upgradeTo18(CharSequence fifteen) {
    Objects.requireNonNull(fifteen, "fifteen");
    if (fifteen.length() != 15 || !allDigits(fifteen, 0, 15)) {
      throw new IllegalArgumentException("need exactly 15 ASCII digits");
    }
    return upgrade(fifteen, 0);
  }

  /** The date of birth encoded in the number. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** The six-digit administrative region code (first six digits), e.g. {@code "110105"}. */
  public String regionCode() {
    return canonical18.substring(0, 6);
  }

  /** The two-digit province-level code, e.g. {@code 11} for Beijing. */
  public int provinceCode() {
    return (canonical18.charAt(0) - '0') * 10 + (canonical18.charAt(1) - '0');
  }

  /** Whether the number was given in the 18-character form (false: the old 15-digit form). */
  public boolean is18Digit() {
    return eighteenDigit;
  }

  /**
   * The canonical 18-character form (15-digit numbers upgraded, check character upper-case). This
   * is personal data: use it to derive a keyed hash, never log or store it.
   */
  public String canonical18() {
    return canonical18;
  }

  /** Age in completed years on the given day (negative if that day is before the birth date). */
  public int ageOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return Period.between(birthDate, day).getYears();
  }

  /** Shows only the province code and birth year, never the number. */
  @Override
  public String toString() {
    return "ResidentIdNumber[province="
        + canonical18.substring(0, 2)
        + ", birthYear="
        + birthDate.getYear()
        + ", form="
        + (eighteenDigit ? "18" : "15")
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentIdNumber other && canonical18.equals(other.canonical18);
  }

  @Override
  public int hashCode() {
    return canonical18.hashCode();
  }

  // ---------------------------------------------------------------------------------------------

  private static ResidentIdNumber parse18(CharSequence s, int off, LocalDate today) {
    LocalDate birth = check18(s, off);
    if (birth == null || birth.isAfter(today)) {
      return null;
    }
    char[] c = new char[18];
    for (int i = 0; i < 17; i++) {
      c[i] = s.charAt(off + i);
    }
    char last = s.charAt(off + 17);
    c[17] = last == 'x' ? 'X' : last;
    return new ResidentIdNumber(new String(c), true, birth);
  }

  /** Validates the 18-character form at {@code off}; returns the birth date or null. */
  private static LocalDate check18(CharSequence s, int off) {
    if (!allDigits(s, off, off + 17)) {
      return null;
    }
    char last = s.charAt(off + 17);
    if (last == 'x') {
      last = 'X';
    } else if (last != 'X' && (last < '0' || last > '9')) {
      return null;
    }
    if (!PROVINCES[num(s, off, 2)]) {
      return null;
    }
    LocalDate birth = date(num(s, off + 6, 4), num(s, off + 10, 2), num(s, off + 12, 2));
    if (birth == null || last != checkChar(s, off)) {
      return null;
    }
    return birth;
  }

  private static ResidentIdNumber parse15(CharSequence s, int off, LocalDate today) {
    if (!allDigits(s, off, off + 15) || !PROVINCES[num(s, off, 2)]) {
      return null;
    }
    LocalDate birth = date(1900 + num(s, off + 6, 2), num(s, off + 8, 2), num(s, off + 10, 2));
    if (birth == null || birth.isAfter(today)) {
      return null;
    }
    return new ResidentIdNumber(upgrade(s, off), false, birth);
  }

  private static String upgrade(CharSequence s, int off) {
    char[] c = new char[18];
    for (int i = 0; i < 6; i++) {
      c[i] = s.charAt(off + i);
    }
    c[6] = '1';
    c[7] = '9';
    for (int i = 6; i < 15; i++) {
      c[i + 2] = s.charAt(off + i);
    }
    CharSequence first17 = java.nio.CharBuffer.wrap(c, 0, 17);
    c[17] = checkChar(first17, 0);
    return new String(c);
  }

  /** Check character of the 17 digits at {@code off} (digits not re-validated). */
  private static char checkChar(CharSequence s, int off) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (s.charAt(off + i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  private static boolean allDigits(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(CharSequence s, int off, int len) {
    int v = 0;
    for (int i = 0; i < len; i++) {
      v = v * 10 + (s.charAt(off + i) - '0');
    }
    return v;
  }

  /** A real date not before {@link #EARLIEST_BIRTH_DATE}, or null. */
  private static LocalDate date(int year, int month, int day) {
    if (year < EARLIEST_BIRTH_DATE.getYear() || month < 1 || month > 12 || day < 1) {
      return null;
    }
    int max;
    switch (month) {
      case 2:
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        max = leap ? 29 : 28;
        break;
      case 4:
      case 6:
      case 9:
      case 11:
        max = 30;
        break;
      default:
        max = 31;
    }
    return day > max ? null : LocalDate.of(year, month, day);
  }
}
