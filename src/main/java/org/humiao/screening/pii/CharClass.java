package org.humiao.screening.pii;

import java.util.BitSet;

/** Classes of chars whose presence tells a rule that a text may hold what it looks for. */
enum CharClass {
  /** 0-9, after folding (full-width digits too). */
  DIGIT,
  /** A Chinese numeral read as a digit: 零〇一壹幺二贰 ... 九玖. */
  NUMERAL,
  /** 十百两: numerals that only addresses and classes spell out. */
  ADDRESS_NUMERAL,
  /** Any char that folds to the first char of a QQ or WeChat cue. */
  CUE,
  /** {@code @}. */
  AT,
  /** 号 and the building units 栋幢座单楼室层 that end every house or building number. */
  BUILDING,
  /** 班级届年初高, which every grade or class contains. */
  GRADE,
  /** The first char of a school suffix, and 中 of numbered schools (四中). */
  SCHOOL;

  final int bit = 1 << ordinal();

  /**
   * The class bits of every BMP char for these word lists. One table per detector, as the cue
   * and school words come from the lexicon.
   */
  static byte[] table(PiiLexicon words) {
    BitSet cueFirst = new BitSet();
    for (String cue : words.qqCues()) {
      cueFirst.set(PiiText.fold(cue.charAt(0)));
    }
    for (String cue : words.wechatCues()) {
      cueFirst.set(PiiText.fold(cue.charAt(0)));
    }
    byte[] table = new byte[0x10000];
    for (int c = 0; c < table.length; c++) {
      char folded = PiiText.fold((char) c);
      if (folded >= '0' && folded <= '9') {
        table[c] |= (c >= '0' && c <= '9' ? DIGIT : NUMERAL).bit;
      }
      if (cueFirst.get(folded)) {
        table[c] |= CUE.bit;
      }
    }
    mark(table, "十百两", ADDRESS_NUMERAL);
    mark(table, "@", AT);
    mark(table, "号栋幢座单楼室层", BUILDING);
    mark(table, "班级届年初高", GRADE);
    mark(table, "中", SCHOOL);
    for (String suffix : words.schoolSuffixes()) {
      mark(table, suffix.substring(0, 1), SCHOOL);
    }
    return table;
  }

  private static void mark(byte[] table, String chars, CharClass c) {
    for (int i = 0; i < chars.length(); i++) {
      table[chars.charAt(i)] |= c.bit;
    }
  }
}
