package org.humiao.screening;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer(Map.of(
      TextNormalizer.pair('弓', '虽'), '强',
      TextNormalizer.pair('女', '干'), '奸'));

  /** The stages that each ask for the normalized string (rules, the model, personal information) share one. */
  @org.junit.jupiter.api.Test
  void theNormalizedStringIsMadeOnce() {
    NormalizedText text = NORMALIZER.normalize("你个 弓虽 者");
    assertSame(text.text(), text.text());
  }

  /**
   * input | normalized | the original text behind each normalized char, separated by '/'.
   * The last column proves the offset map: each normalized char points at what was typed.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      傻逼             | 傻逼     | 傻/逼
      傻 逼            | 傻逼     | 傻/逼
      傻*逼            | 傻逼     | 傻/逼
      傻_-_逼          | 傻逼     | 傻/逼
      傻😀逼           | 傻逼     | 傻/逼
      "傻\u200B逼"     | 傻逼     | 傻/逼
      傻傻傻逼         | 傻逼     | 傻傻傻/逼
      ＳＢ             | sb       | Ｓ/Ｂ
      SB               | sb       | S/B
      s b              | sb       | s/b
      sssbbb           | sb       | sss/bbb
      qq号             | qq号     | q/q/号
      good             | good     | g/o/o/d
      sbbbbb           | sb       | s/bbbbb
      殺人             | 杀人     | 殺/人
      機會             | 机会     | 機/會
      弓虽女干         | 强奸     | 弓虽/女干
      你好。再见       | "你好|再见" | 你/好/。/再/见
      13800138000      | 13800138000 | 1/3/8/0/0/1/3/8/0/0/0
      １１０           | 110      | １/１/０
      ①号             | 1号      | ①/号
      𝐬𝐛               | sb       | 𝐬/𝐛
      ""               | ""       | ""
      """)
  void normalizesAndMapsOffsets(String input, String expected, String origins) {
    String in = input.replace("\\u200B", "\u200B");
    NormalizedText text = NORMALIZER.normalize(in);
    assertEquals(expected, text.text());
    String[] parts = origins.isEmpty() ? new String[0] : origins.split("/");
    assertEquals(parts.length, text.length());
    for (int i = 0; i < text.length(); i++) {
      assertEquals(parts[i], in.substring(text.originalStart(i), text.originalEnd(i + 1)), "char " + i);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      傻 逼  | 1 | true
      傻逼   | 1 | false
      u sb   | 1 | true
      usb    | 1 | false
      """)
  void remembersDroppedSeparators(String input, int index, boolean gap) {
    assertEquals(gap, NORMALIZER.normalize(input).gapBefore(index));
  }

  /** text | count of collapsed repeats over the whole normalized text */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      有色人种   | 0
      色色       | 1
      色色色     | 2
      啪 啪啪    | 2
      qq         | 0
      sbbb       | 2
      强弓虽     | 1
      """)
  void countsCollapsedRepeats(String input, int collapsed) {
    NormalizedText text = NORMALIZER.normalize(input);
    assertEquals(collapsed, text.collapsed(0, text.length()));
  }

  @Property(tries = 2000)
  void offsetsAlwaysPointIntoTheOriginal(@ForAll String input) {
    NormalizedText text = NORMALIZER.normalize(input);
    int previousEnd = 0;
    for (int i = 0; i < text.length(); i++) {
      int start = text.originalStart(i);
      int end = text.originalEnd(i + 1);
      assertTrue(start >= previousEnd && start < end && end <= input.length(), "range of char " + i);
      assertTrue(!Character.isLowSurrogate(input.charAt(start)) || start == 0
          || !Character.isHighSurrogate(input.charAt(start - 1)), "starts inside a surrogate pair");
      previousEnd = end;
    }
  }
}
