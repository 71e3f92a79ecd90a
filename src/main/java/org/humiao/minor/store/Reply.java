package org.humiao.minor.store;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * One answer of Redis as {@link RespConnection} reads it (RESP2): a status, a number, a string, or
 * an array of answers, whose nil elements are {@code null} (a nil answer itself is {@code null} too).
 * Error answers are never a reply: they fail the call.
 *
 * @param kind what Redis answered
 * @param text a status's, number's or string's text (UTF-8 decoded); {@code null} for an array
 * @param elements an array's answers; empty otherwise
 */
public record Reply(Kind kind, String text, List<Reply> elements) implements Iterable<Reply> {
  /** RESP2's answers but the error and nil ones. */
  public enum Kind { STATUS, NUMBER, STRING, ARRAY }

  static Reply of(Kind kind, String text) {
    return new Reply(kind, text, List.of());
  }

  /** An array of these answers, {@code null} for a nil one. */
  static Reply array(List<Reply> elements) {
    return new Reply(Kind.ARRAY, null, Collections.unmodifiableList(elements));
  }

  /** An array's element, {@code null} for a nil one. */
  public Reply get(int index) {
    return elements.get(index);
  }

  public int size() {
    return elements.size();
  }

  public long toLong() {
    return Long.parseLong(text);
  }

  public int toInteger() {
    return Integer.parseInt(text);
  }

  @Override
  public Iterator<Reply> iterator() {
    return elements.iterator();
  }

  /** The text of a status, number or string; an array's elements. */
  @Override
  public String toString() {
    return kind == Kind.ARRAY ? elements.toString() : text;
  }
}
