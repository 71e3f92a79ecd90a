package org.humiao.minor.store;

import java.util.List;

/**
 * Redis commands made on the calling thread: the command is sent and its answer awaited there, with
 * no other thread's help, so a call costs one round trip and no thread hop.
 */
public interface BlockingRedis extends AutoCloseable {
  /**
   * One command and its answer ({@code null} for nil).
   *
   * @throws StateUnavailableException Redis failed, answered an error, or did not answer within the
   *     timeout; an error answer is the exception's cause as a {@link RespConnection.ErrorReply}
   */
  Reply call(List<String> command);

  @Override
  void close();
}
