package org.humiao.pileon;

/** Abusive messages aimed at a target within one window, and the distinct authors among them. */
public record Tally(int messages, int authors) {
  public static final Tally ZERO = new Tally(0, 0);
}
