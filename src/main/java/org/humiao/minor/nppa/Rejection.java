package org.humiao.minor.nppa;

/**
 * A record the NPPA refused for good, or that was given up after the last attempt.
 *
 * @param errcode the NPPA code that decided, or {@link #NO_ANSWER} if the last attempt got none
 */
public record Rejection(BehaviourRecord record, int errcode, String reason) {

  /** No NPPA code applies: the call failed in transport, or the answer was not understood. */
  public static final int NO_ANSWER = -1;
}
