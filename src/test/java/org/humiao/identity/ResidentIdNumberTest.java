package org.humiao.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All numbers here are synthetic: built from a region code, a date and a sequence number, with the
 * check character computed by {@link #check(String)}, an independent implementation of ISO 7064
 * MOD 11-2 (weights as powers of two mod 11, check value (12 - sum mod 11) mod 11).
 */
class ResidentIdNumberTest {

  static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  /** Independent MOD 11-2 check character for 17 digits. */
  static char check(String first17) {
    assertEquals(17, first17.length());
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = 1;
      for (int p = 0; p < 17 - i; p++) {
        weight = weight * 2 % 11;
      }
      sum += (first17.charAt(i) - '0') * weight;
    }
    int v = (12 - sum % 11) % 11;
    return v == 10 ? 'X' : (char) ('0' + v);
  }

  /** A synthetic 18-character number with a correct check character. */
  static String id18(String region, String yyyymmdd, String seq) {
    String first17 = region + yyyymmdd + seq;
    return first17 + check(first17);
  }

  /** Any digit other than the right check character ('X' stays wrong too). */
  static String withWrongCheck(String valid) {
    char right = valid.charAt(17);
    char wrong = right == '0' ? '1' : '0';
    return valid.substring(0, 17) + wrong;
  }

  @ParameterizedTest
  @CsvSource({
    "110105, 19900307, 123, 11, 1990-03-07",
    "440305, 20100101, 001, 44, 2010-01-01",
    "650102, 20000229, 999, 65, 2000-02-29",
    "810000, 19851231, 456, 81, 1985-12-31",
    "820000, 19700615, 020, 82, 1970-06-15",
    "710000, 19600101, 555, 71, 1960-01-01",
    "830000, 19991010, 318, 83, 1999-10-10",
    "500103, 19000101, 777, 50, 1900-01-01",
    "310115, 20250601, 002, 31, 2025-06-01", // born today
  })
  void valid18(String region, String date, String seq, int province, LocalDate birth) {
    String s = id18(region, date, seq);
    Optional<ResidentIdNumber> p = ResidentIdNumber.parse(s, TODAY);
    assertTrue(p.isPresent(), s);
    ResidentIdNumber id = p.get();
    assertEquals(birth, id.birthDate());
    assertEquals(region, id.regionCode());
    assertEquals(province, id.provinceCode());
    assertTrue(id.is18Digit());
    assertEquals(s, id.canonical18());
    assertTrue(ResidentIdNumber.isValid18(s));
    assertEquals(s.charAt(17), ResidentIdNumber.checkCharFor(s.substring(0, 17)));
  }

  @ParameterizedTest
  @CsvSource({"110105, 19900307, 123", "440305, 20100101, 001", "650102, 20000229, 999"})
  void wrongCheckCharacterIsRejected(String region, String date, String seq) {
    String bad = withWrongCheck(id18(region, date, seq));
    assertTrue(ResidentIdNumber.parse(bad, TODAY).isEmpty());
    assertFalse(ResidentIdNumber.isValid18(bad));
    String badX = id18(region, date, seq).substring(0, 17) + "X";
    if (check(bad.substring(0, 17)) != 'X') {
      assertTrue(ResidentIdNumber.parse(badX, TODAY).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "19900230", // 30 February
    "19901301", // month 13
    "19900001", // month 0
    "19900100", // day 0
    "19900431", // 31 April
    "19000229", // 1900 is not a leap year
    "20230229", // nor 2023
    "18991231", // before 1900
    "00000000",
  })
  void badDatesAreRejected(String date) {
    String s = id18("110105", date, "123");
    assertTrue(ResidentIdNumber.parse(s, TODAY).isEmpty(), date);
    assertFalse(ResidentIdNumber.isValid18(s), date);
  }

  @ParameterizedTest
  @ValueSource(strings = {"20250602", "20300101", "20991231"})
  void futureBirthDatesAreRejectedByParseOnly(String date) {
    String s = id18("110105", date, "123");
    assertTrue(ResidentIdNumber.parse(s, TODAY).isEmpty());
    assertTrue(ResidentIdNumber.parse(s, LocalDate.of(2100, 1, 1)).isPresent());
    assertTrue(ResidentIdNumber.isValid18(s), "isValid18 has no notion of today");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000", "100000", "200000", "390000", "910000", "990000", "840000"})
  void unknownProvincesAreRejected(String region) {
    String s = id18(region, "19900307", "123");
    assertTrue(ResidentIdNumber.parse(s, TODAY).isEmpty(), region);
    assertFalse(ResidentIdNumber.isValid18(s));
    String fifteen = region + "900307123";
    assertTrue(ResidentIdNumber.parse(fifteen, TODAY).isEmpty(), region);
  }

  /** Finds a sequence number whose check character is X. */
  static String idEndingInX() {
    for (int seq = 0; seq < 1000; seq++) {
      String s = id18("330106", "20080808", String.format("%03d", seq));
      if (s.endsWith("X")) {
        return s;
      }
    }
    throw new AssertionError("no X in 1000 sequences");
  }

  @Test
  void checkCharacterXInEitherCase() {
    String upper = idEndingInX();
    String lower = upper.substring(0, 17) + "x";
    ResidentIdNumber a = ResidentIdNumber.parse(upper, TODAY).orElseThrow();
    ResidentIdNumber b = ResidentIdNumber.parse(lower, TODAY).orElseThrow();
    assertEquals(upper, a.canonical18());
    assertEquals(upper, b.canonical18(), "canonical form has an upper-case X");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertTrue(ResidentIdNumber.isValid18(lower));
    assertEquals('X', ResidentIdNumber.checkCharFor(upper));
    // X where a digit is due, and a digit where X is due
    assertTrue(ResidentIdNumber.parse(upper.substring(0, 17) + "0", TODAY).isEmpty());
    String digitDue = id18("330106", "20080808", "000");
    if (!digitDue.endsWith("X")) {
      assertTrue(ResidentIdNumber.parse(digitDue.substring(0, 17) + "x", TODAY).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "110105900307123, 1990-03-07",
    "440305000101001, 1900-01-01",
    "650102991231999, 1999-12-31",
    "310115960229456, 1996-02-29",
  })
  void fifteenDigitForm(String fifteen, LocalDate birth) {
    ResidentIdNumber id = ResidentIdNumber.parse(fifteen, TODAY).orElseThrow();
    assertFalse(id.is18Digit());
    assertEquals(birth, id.birthDate());
    assertEquals(fifteen.substring(0, 6), id.regionCode());
    String expected = id18(fifteen.substring(0, 6), "19" + fifteen.substring(6, 12), fifteen.substring(12));
    assertEquals(expected, id.canonical18());
    assertEquals(expected, ResidentIdNumber.upgradeTo18(fifteen));
    assertEquals(ResidentIdNumber.parse(expected, TODAY).orElseThrow(), id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105900230123", // 30 February 1990
        "110105901301123", // month 13
        "110105970229123", // 1997 not leap
        "11010590030712", // 14 digits
        "1101059003071234", // 16 digits
        "11010590030712a",
      })
  void bad15(String s) {
    assertTrue(ResidentIdNumber.parse(s, TODAY).isEmpty(), s);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1101051990030712",
        "11010519900307123",
        "1101051990030712345",
        "11010519900307a23X",
        "X10105199003071231",
        "１１０１０５１９９００３０７１２３４", // full width: the caller normalizes
        " 11010519900307123",
      })
  void malformedIsRejected(String s) {
    assertTrue(ResidentIdNumber.parse(s, TODAY).isEmpty());
    assertFalse(ResidentIdNumber.isValid18(s));
  }

  @Test
  void parseSlice() {
    String id = id18("110105", "20120506", "321");
    String text = "身份证" + id + "号";
    ResidentIdNumber p = ResidentIdNumber.parse(text, 3, 21, TODAY).orElseThrow();
    assertEquals(id, p.canonical18());
    assertTrue(ResidentIdNumber.parse(text, 2, 20, TODAY).isEmpty());
    assertThrows(IndexOutOfBoundsException.class, () -> ResidentIdNumber.parse(text, 3, 99, TODAY));
  }

  @Test
  void toStringDoesNotRevealTheNumber() {
    String id = id18("110105", "20120506", "321");
    ResidentIdNumber p = ResidentIdNumber.parse(id, TODAY).orElseThrow();
    String shown = p.toString();
    assertEquals("ResidentIdNumber[province=11, birthYear=2012, form=18]", shown);
    assertFalse(shown.contains("110105"));
    assertFalse(shown.contains("0506"));
    assertFalse(shown.contains("321"));
    String old = ResidentIdNumber.parse("110105900307123", TODAY).orElseThrow().toString();
    assertEquals("ResidentIdNumber[province=11, birthYear=1990, form=15]", old);
  }

  @Test
  void age() {
    ResidentIdNumber p = ResidentIdNumber.parse(id18("110105", "20120506", "321"), TODAY).orElseThrow();
    assertEquals(13, p.ageOn(TODAY));
    assertEquals(12, p.ageOn(LocalDate.of(2025, 5, 5)));
    assertEquals(13, p.ageOn(LocalDate.of(2025, 5, 6)));
  }

  @Test
  void upgradeRejectsMalformedInputWithoutEchoingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.upgradeTo18("11010590030712"));
    assertFalse(e.getMessage().contains("11010590030712"));
    assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.upgradeTo18("11010590030712x"));
    assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.checkCharFor("1234"));
  }

  @Test
  void equality() {
    String a = id18("110105", "20120506", "321");
    String b = id18("110105", "20120506", "322");
    assertEquals(ResidentIdNumber.parse(a, TODAY), ResidentIdNumber.parse(a, TODAY));
    assertNotEquals(ResidentIdNumber.parse(a, TODAY), ResidentIdNumber.parse(b, TODAY));
  }

  @Test
  void independentCheckRoutineAgreesOnAllResiduesOfSomeRange() {
    // the two implementations agree on many sequence numbers, covering all 11 check values
    boolean[] seen = new boolean[128];
    for (int seq = 0; seq < 1000; seq++) {
      String first17 = "130102" + "20050917" + String.format("%03d", seq);
      char c = check(first17);
      seen[c] = true;
      assertEquals(c, ResidentIdNumber.checkCharFor(first17));
    }
    for (char c : "0123456789X".toCharArray()) {
      assertTrue(seen[c], "check value " + c);
    }
  }
}
