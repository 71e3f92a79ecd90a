package org.humiao.screening.text;

/** A lexicon directory that cannot be loaded; the message names the file and line. */
public final class LexiconException extends RuntimeException {
  public LexiconException(String message) {
    super(message);
  }
}
