package org.humiao.screening;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a rule's or mitigation's regex can start a match with, read from its source, so its
 * matches are searched only at those positions: {@link Matcher#find()} tries the pattern at every
 * position of the text, and most of the lexicon's patterns open with an alternation of many words
 * (positions × alternatives per cued pattern, most of a comment line's screening time). A pattern
 * whose first character cannot be bounded (a leading {@code .}, a negated class, an escape class, a
 * flag, a possibly empty match) is searched as before. Immutable.
 */
final class StartChars {
  private final Pattern pattern;
  /** Null: any character may start a match, every position is tried. */
  private final BitSet starts;

  private StartChars(Pattern pattern, BitSet starts) {
    this.pattern = pattern;
    this.starts = starts;
  }

  static StartChars of(Pattern pattern) {
    if (pattern.flags() != 0) {
      return new StartChars(pattern, null);
    }
    try {
      Parser parser = new Parser(pattern.pattern());
      First first = parser.alternation();
      boolean bounded = parser.at == parser.source.length() && first.chars != null && !first.nullable;
      return new StartChars(pattern, bounded ? first.chars : null);
    } catch (Unbounded | IndexOutOfBoundsException e) {
      return new StartChars(pattern, null);
    }
  }

  /** Whether the source's first characters were bounded (else every position is tried). */
  boolean bounded() {
    return starts != null;
  }

  /** A search of the pattern over one text that gives the matches {@link Matcher#find()} gives, one by one. */
  Search search(CharSequence text) {
    return new Search(pattern.matcher(text), text);
  }

  /**
   * The matches of one pattern over one text, in {@link Matcher#find()}'s order, each where find()
   * starts and ends it. Not its capture groups: find() keeps a group that a failed attempt at an earlier
   * position captured inside a look-around; the engine reads only the whole match.
   */
  final class Search {
    private final Matcher matcher;
    private final CharSequence text;
    private int next;

    private Search(Matcher matcher, CharSequence text) {
      this.matcher = matcher;
      this.text = text;
      // a match tried inside a region sees the text around it, as one found by find() does:
      // look-behind before the region, ^ only at the text's start
      matcher.useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** The next match, as {@link Matcher#find()} would find it; the matcher holds it. */
    boolean find() {
      if (starts == null) {
        return matcher.find();
      }
      int n = text.length();
      for (int i = next; i < n; i++) {
        if (starts.get(text.charAt(i))) {
          // anchored at i, the pattern matches what find() matches when its scan reaches i;
          // a bounded pattern never matches empty, so the next search starts at the match's end
          matcher.region(i, n);
          if (matcher.lookingAt()) {
            next = matcher.end();
            return true;
          }
        }
      }
      next = n;
      return false;
    }

    Matcher matcher() {
      return matcher;
    }
  }

  /** The first characters of a piece of regex (null: any) and whether it can match empty. */
  private record First(BitSet chars, boolean nullable) {
    static First empty() {
      return new First(new BitSet(), true);
    }

    static First any(boolean nullable) {
      return new First(null, nullable);
    }

    /** The characters either may start with. */
    static BitSet union(BitSet a, BitSet b) {
      if (a == null || b == null) {
        return null;
      }
      BitSet both = (BitSet) a.clone();
      both.or(b);
      return both;
    }
  }

  /** Syntax this reading does not follow (flags, nested classes): the pattern is searched as before. */
  private static final class Unbounded extends RuntimeException {
    Unbounded() {
      super(null, null, false, false);
    }
  }

  /**
   * A recursive reading of the regex syntax the lexicon's files use: literals, groups, look-arounds,
   * classes, quantifiers; what it cannot bound starts with any character, and syntax it does not
   * follow is {@link Unbounded}.
   */
  private static final class Parser {
    private final String source;
    private int at;

    Parser(String source) {
      this.source = source;
    }

    /** Branches separated by |, up to a ) or the end. */
    First alternation() {
      First first = sequence();
      BitSet chars = first.chars;
      boolean nullable = first.nullable;
      while (at < source.length() && source.charAt(at) == '|') {
        at++;
        First branch = sequence();
        chars = First.union(chars, branch.chars);
        nullable |= branch.nullable;
      }
      return new First(chars, nullable);
    }

    /** Atoms in a row: their first characters until one that cannot match empty. */
    private First sequence() {
      BitSet chars = new BitSet();
      boolean nullable = true;
      while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
        First atom = quantified(atom());
        if (nullable) {
          chars = First.union(chars, atom.chars);
          nullable = atom.nullable;
        }
      }
      return new First(chars, nullable);
    }

    private First quantified(First atom) {
      if (at >= source.length()) {
        return atom;
      }
      char c = source.charAt(at);
      boolean optional;
      if (c == '?' || c == '*') {
        at++;
        optional = true;
      } else if (c == '+') {
        at++;
        optional = false;
      } else if (c == '{') {
        int close = source.indexOf('}', at);
        if (close < 0) {
          throw new Unbounded();
        }
        String bounds = source.substring(at + 1, close);
        if (!bounds.matches("\\d+(,\\d*)?")) {
          throw new Unbounded();
        }
        optional = Integer.parseInt(bounds.split(",", -1)[0]) == 0;
        at = close + 1;
      } else {
        return atom;
      }
      // a lazy or possessive quantifier starts its match with the same characters
      if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
        at++;
      }
      return new First(atom.chars, atom.nullable || optional);
    }

    private First atom() {
      char c = source.charAt(at++);
      switch (c) {
        case '(' -> {
          return group();
        }
        case '[' -> {
          return characterClass();
        }
        case '^', '$' -> {
          return First.empty();
        }
        case '.' -> {
          return First.any(false);
        }
        case '\\' -> {
          return escaped();
        }
        default -> {
          return literal(c);
        }
      }
    }

    private First group() {
      boolean lookaround = false;
      if (source.startsWith("?:", at)) {
        at += 2;
      } else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
        at += 2;
        lookaround = true;
      } else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) {
        at += 3;
        lookaround = true;
      } else if (at < source.length() && source.charAt(at) == '?') {
        throw new Unbounded(); // flags, named or atomic groups: not in the lexicon's files
      }
      First inside = alternation();
      if (at >= source.length() || source.charAt(at) != ')') {
        throw new Unbounded();
      }
      at++;
      // a look-around reads but takes no character: the match starts with what follows it
      return lookaround ? First.empty() : inside;
    }

    private First characterClass() {
      boolean negated = at < source.length() && source.charAt(at) == '^';
      if (negated) {
        at++;
      }
      BitSet chars = new BitSet();
      boolean first = true;
      while (at < source.length() && (source.charAt(at) != ']' || first)) {
        first = false;
        char c = classChar();
        if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
          at++;
          char to = classChar();
          chars.set(c, to + 1);
        } else {
          chars.set(c);
        }
      }
      if (at >= source.length()) {
        throw new Unbounded();
      }
      at++;
      return negated ? First.any(false) : new First(chars, false);
    }

    private char classChar() {
      char c = source.charAt(at++);
      if (c == '[' || c == '&' || Character.isSurrogate(c)) {
        throw new Unbounded(); // nested classes, intersections, characters outside the BMP
      }
      if (c != '\\') {
        return c;
      }
      char e = source.charAt(at++);
      if (Character.isLetterOrDigit(e)) {
        throw new Unbounded(); // \d, \p{…} inside a class
      }
      return e;
    }

    private First escaped() {
      char e = source.charAt(at++);
      if (e == 'Q') {
        int end = source.indexOf("\\E", at);
        String quoted = source.substring(at, end < 0 ? source.length() : end);
        at = end < 0 ? source.length() : end + 2;
        return quoted.isEmpty() ? First.empty() : literal(quoted.charAt(0));
      }
      // \d, \w, \p{…}, \b, back references…: not in the lexicon's files
      if (Character.isLetterOrDigit(e)) {
        throw new Unbounded();
      }
      return literal(e);
    }

    private static First literal(char c) {
      if (Character.isSurrogate(c)) {
        throw new Unbounded();
      }
      BitSet chars = new BitSet();
      chars.set(c);
      return new First(chars, false);
    }
  }
}
