package org.humiao.screening.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalInfoDetectorTest {

  /** 2025-06-01 in China. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final Path LEXICONS = Path.of("lexicons");

  static final PiiLexicon WORDS = PiiLexicon.load(LEXICONS);

  static final PersonalInfoDetector DETECTOR = PersonalInfoDetector.load(LEXICONS, CLOCK);

  /** Matches as "kind@start-end;..." or "none". */
  static String render(List<PersonalInfoMatch> matches) {
    if (matches.isEmpty()) {
      return "none";
    }
    return matches.stream()
        .map(m -> m.kind().id() + "@" + m.start() + "-" + m.end())
        .collect(Collectors.joining(";"));
  }

  static String find(String text) {
    return render(DETECTOR.find(text));
  }

  // ---- resident ids: synthetic numbers, check character computed independently ----------------

  static String id18(String region, String yyyymmdd, String seq) {
    String first17 = region + yyyymmdd + seq;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = 1;
      for (int p = 0; p < 17 - i; p++) {
        weight = weight * 2 % 11;
      }
      sum += (first17.charAt(i) - '0') * weight;
    }
    int v = (12 - sum % 11) % 11;
    return first17 + (v == 10 ? "X" : String.valueOf(v));
  }

  static String idEndingInX() {
    for (int seq = 0; seq < 1000; seq++) {
      String s = id18("440305", "20100101", String.format("%03d", seq));
      if (s.endsWith("X")) {
        return s;
      }
    }
    throw new AssertionError();
  }

  static String toChineseDigits(String digits) {
    StringBuilder b = new StringBuilder();
    for (char c : digits.toCharArray()) {
      b.append(c >= '0' && c <= '9' ? "零一二三四五六七八九".charAt(c - '0') : c);
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "身份证|110105|20120506|321|哦",
        "|650102|20000229|999|",
        "我的身份证号是|310115|20080808|002|,别告诉别人",
        "abc|810000|19851231|456|def",
      })
  void residentId18(String prefix, String region, String date, String seq, String suffix) {
    prefix = prefix == null ? "" : prefix;
    suffix = suffix == null ? "" : suffix;
    String text = prefix + id18(region, date, seq) + suffix;
    int s = prefix.length();
    assertEquals("resident_id@" + s + "-" + (s + 18), find(text));
  }

  @Test
  void residentIdWithXInEitherCase() {
    String upper = idEndingInX();
    assertEquals("resident_id@3-21", find("身份证" + upper + "啊"));
    assertEquals("resident_id@3-21", find("身份证" + upper.toLowerCase() + "啊"));
    assertEquals("resident_id@0-18", find(upper.toLowerCase()));
  }

  @Test
  void residentIdFailingValidationIsNotAMatch() {
    String valid = id18("110105", "20120506", "321");
    char wrong = valid.charAt(17) == '0' ? '1' : '0';
    assertEquals("none", find("身份证" + valid.substring(0, 17) + wrong));
    // random-looking 18-digit numbers with a wrong check digit, or bad dates
    assertEquals("none", find("单号" + id18("110105", "20120230", "321")));
    assertEquals("none", find("单号" + id18("110105", "20121301", "321")));
    assertEquals("none", find("单号" + id18("990105", "20120506", "321")));
    // future birth date (relative to the injected clock)
    assertEquals("none", find("身份证" + id18("110105", "20250602", "321")));
    assertEquals("resident_id@3-21", find("身份证" + id18("110105", "20250601", "321")));
    // inside a longer digit run
    assertEquals("none", find(valid + "1"));
    assertEquals("none", find("1" + valid));
  }

  @Test
  void residentIdFifteenDigits() {
    assertEquals("resident_id@0-15", find("110105900307123"));
    assertEquals("resident_id@4-19", find("身份证号110105900307123"));
    assertEquals("none", find("身份证号110105900230123"));
    assertEquals("none", find("身份证号000105900307123"));
  }

  @Test
  void residentIdInChineseDigits() {
    String id = id18("110105", "20120506", "321");
    assertEquals("resident_id@0-18", find(toChineseDigits(id)));
  }

  // ---- mobile ----------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13812345678|mobile@0-11",
        "我的电话13812345678哦|mobile@4-15",
        "+8613812345678|mobile@0-14",
        "8613812345678|mobile@0-13",
        "008613812345678|mobile@0-15",
        "电话+8615912345678|mobile@2-16",
        "+13812345678|mobile@1-12",
        "abc13812345678def|mobile@3-14",
        "19912345678|mobile@0-11",
        "我的手机是13812345678,他的是15987654321|mobile@5-16;mobile@20-31",
        // Chinese digits, 幺 for one, financial forms
        "幺三八幺二三四五六七八|mobile@0-11",
        "电话一三九零零零零一二三四|mobile@2-13",
        "138一二三四五六七八|mobile@0-11",
        "电话壹叁捌壹贰叁肆伍陆柒捌|mobile@2-13",
        "打幺五九〇〇〇〇一二三四|mobile@1-12",
        // near misses
        "138123456789|none",
        "1381234567|none",
        "12812345678|none",
        "23812345678|none",
        "8612812345678|none",
        "订单号2138123456789|none",
        "一二三四五六七八九十|none",
        "我一三八一二三四五六七八九|none",
      })
  void mobile(String text, String expected) {
    assertEquals(expected, find(text));
  }

  // ---- qq ----------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "qq12345678|qq@2-10",
        "QQ12345678|qq@2-10",
        "我的qq是12345678|qq@5-13",
        "扣扣:987654321|qq@3-12",
        "企鹅号10001|qq@3-8",
        "加qq2233445566|qq@3-13",
        "q号88886666|qq@2-10",
        "球球五六七八九|qq@2-7",
        "qq号码是:12345678|qq@6-14",
        "koukou12345|qq@6-11",
        "我的qq13812345678|qq@4-15",
        "qq12345678,微信abc_123|qq@2-10;wechat@13-20",
        // near misses
        "12345678|none",
        "今天考了12345678分|none",
        "qq01234567|none",
        "qq1234|none",
        "qq123456789012|none",
        "qq群里有12345人|none",
        "aqq12345678|none",
        "qq空间好玩|none",
      })
  void qq(String text, String expected) {
    assertEquals(expected, find(text));
  }

  // ---- wechat ------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "微信abc_123|wechat@2-9",
        "加我微信:xiaoming2010|wechat@5-17",
        "vx号是hello-world|wechat@4-15",
        "v信a1b2c3d4|wechat@2-10",
        "加vxtom_cat99|wechat@3-12",
        "wxabc123|wechat@2-8",
        "微信vxabc123|wechat@4-10",
        "wechat:lilei_2012|wechat@7-17",
        "绿泡泡:sunny_day|wechat@4-13",
        "微信idol123|wechat@2-9",
        "微信13812345678|wechat@2-13",
        "微信+8613812345678|wechat@2-16",
        "威信号是一三八一二三四五六七八|wechat@4-15",
        "卫星abc123456|wechat@2-11",
        // near misses
        "wx:abc12|none",
        "微信1abcdef|none",
        "我用微信聊天|none",
        "卫星发射成功|none",
        "微信号abcdefghijklmnopqrstu|none",
        "abcdefgh|none",
        "薇信同号|none",
      })
  void wechat(String text, String expected) {
    assertEquals(expected, find(text));
  }

  // ---- email -------------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "邮箱abc.def@qq.com|email@2-16",
        "12345@qq.com|email@0-12",
        "mail:tom@163.com|email@5-16",
        "13812345678@163.com|email@0-19",
        "a@b|none",
        "@qq.com|none",
      })
  void email(String text, String expected) {
    assertEquals(expected, find(text));
  }

  // ---- address and school ----------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "住在阳光小区5栋302|address@2-11",
        "他住阳光小区5栋|address@2-8",
        "阳光小区5号楼2单元301室|address@0-14",
        "北京市海淀区中关村大街27号|address@0-14",
        "上海市徐汇区漕溪北路398号|address@0-14",
        "我家在朝阳区建国路88号院3号楼|address@3-16",
        "住在人民路15号|address@2-8",
        "家住幸福路十八号|address@2-8",
        "住在人民路15号,电话13812345678|address@2-8;mobile@11-22",
        "我叫小明,住在阳光小区5栋302,电话13812345678|address@7-16;mobile@19-30",
        // near misses
        "坐地铁2号线去上学|none",
        "我在北京市|none",
        "阳光小区很漂亮|none",
        "人民路很堵|none",
        "我们小区有5栋楼|none",
        "明天3号去人民路|none",
        "中山路2号线|none",
      })
  void address(String text, String expected) {
    assertEquals(expected, find(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "他在育才中学初二3班|school@2-10",
        "育才中学初二|school@0-6",
        "实验小学三年级二班|school@0-9",
        "北京四中高一3班|school@0-8",
        "红星小学3班|school@0-6",
        "北京101中学初三2班|school@0-11",
        "育才中学2019级|school@0-9",
        "我是光明实验学校五年级的|school@2-11",
        // near misses
        "育才中学很好|none",
        "三年级二班|none",
        "我们学校很大|none",
        "我上初二了|none",
        "今年3月去了中学|none",
      })
  void school(String text, String expected) {
    assertEquals(expected, find(text));
  }

  // ---- general -----------------------------------------------------------------------------------

  @Test
  void plainTextHasNoMatches() {
    assertSame(List.of(), DETECTOR.find(""));
    assertEquals("none", find("今天天气很好我们一起去公园玩吧"));
    assertEquals("none", find("我今年12岁,上6年级"));
  }

  @Test
  void cuesComeFromTheWordLists() {
    PersonalInfoDetector custom =
        new PersonalInfoDetector(CLOCK, withCues(List.of(" 鹅号 ", "", "KK"), List.of("绿色软件")));
    assertEquals("qq@2-10", render(custom.find("鹅号12345678")));
    assertEquals("qq@2-10", render(custom.find("kk12345678")));
    assertEquals("none", render(custom.find("qq12345678")));
    assertEquals("wechat@4-10", render(custom.find("绿色软件abc123")));
    assertEquals("none", render(custom.find("微信abc123")));
    assertEquals("mobile@0-11", render(custom.find("13812345678")));
    assertThrows(NullPointerException.class, () -> new PersonalInfoDetector(null, WORDS));
  }

  static PiiLexicon withCues(List<String> qqCues, List<String> wechatCues) {
    return new PiiLexicon(qqCues, wechatCues, WORDS.contactFillers(), WORDS.residenceCues(),
        WORDS.compoundSuffixes(), WORDS.schoolSuffixes());
  }

  @Test
  void matchRejectsEmptyRanges() {
    PersonalInfoKind qq = PersonalInfoKind.QQ;
    assertThrows(IllegalArgumentException.class, () -> new PersonalInfoMatch(qq, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> new PersonalInfoMatch(qq, -1, 3));
  }

  // ---- properties --------------------------------------------------------------------------------

  @Property(tries = 3000)
  void matchesAreWithinBoundsAndNeverOverlap(@ForAll("texts") String text) {
    checkInvariants(text);
  }

  @Property(tries = 1000)
  void arbitraryStringsNeverBreakTheDetector(@ForAll String text) {
    checkInvariants(text);
  }

  private static void checkInvariants(String text) {
    List<PersonalInfoMatch> matches = DETECTOR.find(text);
    int lastEnd = 0;
    for (PersonalInfoMatch m : matches) {
      assertTrue(m.start() >= 0 && m.start() < m.end() && m.end() <= text.length(), m::toString);
      assertTrue(m.start() >= lastEnd, "sorted and disjoint");
      lastEnd = m.end();
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars("0123456789013813xX+@.:_-qvwabc微信号是扣企鹅栋小区学中班初二三一幺零年级路市住在阳光室楼单元")
        .ofMaxLength(60);
  }
}
