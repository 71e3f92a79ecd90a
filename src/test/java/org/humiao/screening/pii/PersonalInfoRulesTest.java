package org.humiao.screening.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule on its own, with the word lists of the test lexicon: it finds its kind, also where the
 * detector would give an overlap to another kind, and nothing else.
 */
class PersonalInfoRulesTest {
  static final PiiLexicon WORDS = PiiLexicon.load(Path.of("src/test/resources/lexicon-mini"));

  static String find(PiiRule rule, String text) {
    return find(rule, CharClass.table(WORDS), text);
  }

  static String find(PiiRule rule, byte[] classes, String text) {
    List<PersonalInfoMatch> out = new ArrayList<>();
    rule.find(PiiText.scan(text, classes), out);
    return PersonalInfoDetectorTest.render(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "身份证110105900307123|resident_id@3-18",
        "身份证一一零一零五九零零三零七一二三|resident_id@3-18",
        "手机13812345678|none",
        // 30 February
        "110105900230123|none",
      })
  void residentId(String text, String expected) {
    assertEquals(expected, find(new ResidentIdRule(PersonalInfoDetectorTest.CLOCK), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "电话+8613812345678|mobile@2-16",
        // the detector gives these to qq and email; the rule alone still sees the number
        "qq13812345678|mobile@2-13",
        "13812345678@163.com|mobile@0-11",
        "qq12345678|none",
      })
  void mobile(String text, String expected) {
    assertEquals(expected, find(new MobileRule(), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "qq13812345678|qq@2-13",
        "扣扣号码是:12345|qq@6-11",
        "微信12345678|none",
        "13812345678|none",
      })
  void qq(String text, String expected) {
    assertEquals(expected, find(new QqRule(WORDS), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "绿泡泡13812345678|wechat@3-14",
        "加vx号:abc_123|wechat@5-12",
        "qq12345678|none",
        "abc_123|none",
      })
  void wechat(String text, String expected) {
    assertEquals(expected, find(new WechatRule(WORDS), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "13812345678@163.com|email@0-19",
        "qq:12345678|none",
      })
  void email(String text, String expected) {
    assertEquals(expected, find(new EmailRule(), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "家住阳光小区5栋302,电话13812345678|address@2-11",
        "地址:幸福路十八号|address@3-9",
        "育才中学初二3班|none",
        // 华府 is not a compound suffix of the test lexicon
        "住在紫金华府5栋|none",
      })
  void address(String text, String expected) {
    assertEquals(expected, find(new AddressRule(WORDS), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "他在育才中学初二3班|school@2-10",
        "十一中高一(2)班|none",
        "北京十一中高一(2)班|school@0-11",
        "阳光小区5栋|none",
      })
  void school(String text, String expected) {
    assertEquals(expected, find(new SchoolRule(WORDS), text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "住在紫金华府5栋|address@2-8",
        "他在东湖书院初二3班|none",
      })
  void wordListsAreRead(String text, String expected) {
    PiiLexicon words =
        new PiiLexicon(
            WORDS.qqCues(),
            WORDS.wechatCues(),
            WORDS.contactFillers(),
            WORDS.residenceCues(),
            List.of("华府"),
            List.of("书院x"));
    assertEquals(expected, find(new AddressRule(words), CharClass.table(words), text));
    assertEquals("none", find(new SchoolRule(words), CharClass.table(words), text));
  }
}
