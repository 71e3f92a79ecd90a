package org.humiao.screening.text;

import com.hankcs.hanlp.HanLP;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Per-character folding table for the Basic Multilingual Plane, built once: compatibility forms
 * (full-width, circled, styled letters) to their plain form, upper to lower case, traditional to
 * simplified Chinese, and every other character classified as a separator, a sentence boundary
 * or ignorable. A table lookup keeps normalization at a few nanoseconds per character.
 */
public final class CharFolding {
  /** Dropped; terms may span it (傻*逼, 傻 逼). */
  public static final char SEPARATOR = '\uFFFE';
  /** Kept as {@link #BOUNDARY_MARK}; no term spans it (。！？). */
  public static final char BOUNDARY = '\uFFFD';
  public static final char BOUNDARY_MARK = '|';

  /** ASCII '.' is not among them: users put it between characters far more than they end sentences with it. */
  private static final String BOUNDARY_CHARS = ",!?;，。！？；…\n\r";
  /**
   * The table as built, shipped beside this class: building it loads HanLP's traditional-to-simplified
   * dictionary and normalizes every character, most of a short run's start-up. Used only when it was
   * written by this very class (its bytecode's SHA-256) on this Java version (its Unicode data).
   */
  static final String TABLE_RESOURCE = "folding-table.bin";
  private static final char[] TABLE = shipped().orElseGet(CharFolding::build);

  private CharFolding() {}

  /** The folded form of a BMP char, or {@link #SEPARATOR} / {@link #BOUNDARY}. */
  public static char fold(char c) {
    return TABLE[c];
  }

  /** A BMP letter or digit folded as {@link #fold} folds it (Ａ → a); any other char as it is. */
  public static char foldLetterOrDigit(char c) {
    char folded = TABLE[c];
    return folded == SEPARATOR || folded == BOUNDARY ? c : folded;
  }

  /** Folding of a supplementary code point: styled letters fold, the rest (emoji) separates. */
  public static char foldSupplementary(int codePoint) {
    if (Character.isLetterOrDigit(codePoint)) {
      String nfkc = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
      if (nfkc.length() == 1) {
        return TABLE[nfkc.charAt(0)];
      }
      return SEPARATOR;
    }
    return SEPARATOR;
  }

  public static boolean isLatinWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** What a shipped table must have been written by: this class's bytecode and the Java version. */
  private static byte[] writtenBy() {
    try (InputStream in = CharFolding.class.getResourceAsStream("CharFolding.class")) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      digest.update(System.getProperty("java.specification.version").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return digest.digest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shipped table, if this class on this Java version wrote it. */
  static java.util.Optional<char[]> shipped() {
    try (InputStream resource = CharFolding.class.getResourceAsStream(TABLE_RESOURCE)) {
      if (resource == null) {
        return java.util.Optional.empty();
      }
      DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(resource));
      byte[] writer = new byte[32];
      in.readFully(writer);
      if (!Arrays.equals(writer, writtenBy())) {
        return java.util.Optional.empty();
      }
      char[] table = new char[0x10000];
      for (int c = 0; c < table.length; c++) {
        table[c] = in.readChar();
      }
      return java.util.Optional.of(table);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** Writes the table as {@link #TABLE_RESOURCE} holds it (built afresh, not read). */
  static void writeTable(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.write(writtenBy());
    for (char c : build()) {
      data.writeChar(c);
    }
    data.flush();
  }

  /** The table built afresh, as it is when no shipped one fits. */
  static char[] build() {
    char[] table = new char[0x10000];
    for (int c = 0; c < table.length; c++) {
      table[c] = classify((char) c);
    }
    // Traditional to simplified, character by character so every output char keeps one source.
    for (int c = 0x3400; c <= 0x9FFF; c++) {
      if (table[c] != c) {
        continue;
      }
      String simplified = HanLP.convertToSimplifiedChinese(String.valueOf((char) c));
      if (simplified.length() == 1) {
        table[c] = simplified.charAt(0);
      }
    }
    return table;
  }

  private static char classify(char c) {
    if (BOUNDARY_CHARS.indexOf(c) >= 0) {
      return BOUNDARY;
    }
    if (Character.isSurrogate(c)) {
      return SEPARATOR;
    }
    char base = c;
    if (c >= 0x80 && !Character.isIdeographic(c)) {
      String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
      if (nfkc.length() == 1) {
        base = nfkc.charAt(0);
        if (BOUNDARY_CHARS.indexOf(base) >= 0) {
          return BOUNDARY;
        }
      }
    }
    if (Character.isLetterOrDigit(base)) {
      return Character.toLowerCase(base);
    }
    return SEPARATOR;
  }
}
