package org.humiao.http;

import java.util.List;

/**
 * One CSV record (RFC 4180: CRLF line ends, a cell with a comma, quote or line break quoted and
 * its quotes doubled). A cell that a spreadsheet would read as a formula (it starts with = + - @,
 * their full-width forms ＝ ＋ － ＠ that CJK spreadsheets fold to them, or a space, tab, carriage
 * return or line feed that some strip before looking) gets a leading apostrophe, so an exported
 * event cannot run anything in the regulator's Excel: platforms' users write the text.
 */
public final class Csv {
  /** Put first in a file: Excel in China opens UTF-8 without a BOM as GBK, and the Chinese turns to mojibake. */
  public static final String BOM = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@＝＋－＠ \t\r\n";

  private Csv() {}

  public static String record(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }
}
