package org.humiao.screening.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule on its own, with the word lists of the test lexicon: it finds its kind, also where the
 * detector would give an overlap to another kind, and nothing else.
 */
class PersonalInfoRulesTest {
  static final PiiLexicon WORDS = PiiLexicon.load(Path.of("src/test/resources/lexicon-mini"));

  static final Map<PersonalInfoKind, PiiRule> RULES =
      Map.of(
          PersonalInfoKind.RESIDENT_ID, new ResidentIdRule(PersonalInfoDetectorTest.CLOCK),
          PersonalInfoKind.MOBILE, new MobileRule(),
          PersonalInfoKind.QQ, new QqRule(WORDS),
          PersonalInfoKind.WECHAT, new WechatRule(WORDS),
          PersonalInfoKind.EMAIL, new EmailRule(),
          PersonalInfoKind.ADDRESS, new AddressRule(WORDS),
          PersonalInfoKind.SCHOOL, new SchoolRule(WORDS));

  static String find(PiiRule rule, PiiLexicon words, String text) {
    List<PersonalInfoMatch> out = new ArrayList<>();
    rule.find(PiiText.scan(text, CharClass.table(words)), out);
    return PersonalInfoDetectorTest.render(out);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RESIDENT_ID|身份证110105900307123|resident_id@3-18",
        "RESIDENT_ID|身份证一一零一零五九零零三零七一二三|resident_id@3-18",
        "RESIDENT_ID|手机13812345678|none",
        "RESIDENT_ID|110105900230123|none", // 30 February
        "MOBILE|电话+8613812345678|mobile@2-16",
        // the detector gives these to qq and email; the rule alone still sees the number
        "MOBILE|qq13812345678|mobile@2-13",
        "MOBILE|13812345678@163.com|mobile@0-11",
        "MOBILE|qq12345678|none",
        "QQ|qq13812345678|qq@2-13",
        "QQ|扣扣号码是:12345|qq@6-11",
        "QQ|微信12345678|none",
        "QQ|13812345678|none",
        "WECHAT|绿泡泡13812345678|wechat@3-14",
        "WECHAT|加vx号:abc_123|wechat@5-12",
        "WECHAT|qq12345678|none",
        "WECHAT|abc_123|none",
        "EMAIL|13812345678@163.com|email@0-19",
        "EMAIL|qq:12345678|none",
        "ADDRESS|家住阳光小区5栋302,电话13812345678|address@2-11",
        "ADDRESS|地址:幸福路十八号|address@3-9",
        "ADDRESS|育才中学初二3班|none",
        "SCHOOL|他在育才中学初二3班|school@2-10",
        "SCHOOL|十一中高一(2)班|none",
        "SCHOOL|北京十一中高一(2)班|school@0-11",
        "SCHOOL|阳光小区5栋|none",
      })
  void eachRuleFindsItsKindAlone(PersonalInfoKind kind, String text, String expected) {
    assertEquals(expected, find(RULES.get(kind), WORDS, text));
  }

  @Test
  void suffixesComeFromTheWordLists() {
    PiiLexicon words =
        new PiiLexicon(
            WORDS.qqCues(),
            WORDS.wechatCues(),
            WORDS.contactFillers(),
            WORDS.residenceCues(),
            List.of("华府"),
            List.of("书院"));
    assertEquals("address@2-8", find(new AddressRule(words), words, "住在紫金华府5栋"));
    assertEquals("school@2-10", find(new SchoolRule(words), words, "他在东湖书院初二3班"));
    assertEquals("none", find(RULES.get(PersonalInfoKind.ADDRESS), WORDS, "住在紫金华府5栋"));
    assertEquals("none", find(RULES.get(PersonalInfoKind.SCHOOL), WORDS, "他在东湖书院初二3班"));
  }
}
