package org.humiao.minor.store;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLSocketFactory;

/**
 * Blocking connections to one Redis, each lent to one calling thread for one command: a caller
 * takes the connection last given back (so a few stay busy and warm), or opens one, and there are
 * never more than the threads calling at once. A connection that failed or timed out is closed,
 * never lent again (a late answer would be read as the next command's); one that Redis closed
 * while it was idle (a restart) is found out by the next command, which goes again once on a new
 * connection, as Redis never answered it.
 */
public final class RespPool implements BlockingRedis {
  private final RedisAddress address;
  private final Duration timeout;
  private final SSLSocketFactory tls;
  private final Deque<RespConnection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  private RespPool(RedisAddress address, Duration timeout, SSLSocketFactory tls) {
    this.address = address;
    this.timeout = timeout;
    this.tls = tls;
  }

  /**
   * @param uri {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS
   *     with the JVM's trusted certificates
   * @param timeout the longest a connection is waited for, and then each read of an answer
   */
  public static RespPool open(String uri, Duration timeout) {
    return open(uri, timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** As {@link #open(String, Duration)}, a {@code rediss} URI's connections made by {@code tls}. */
  static RespPool open(String uri, Duration timeout, SSLSocketFactory tls) {
    return new RespPool(RedisAddress.parse(uri), timeout, tls);
  }

  @Override
  public Reply call(List<String> command) {
    RespConnection reused = idle.pollFirst();
    return reused != null ? callOn(reused, command, true) : callOn(connect(), command, false);
  }

  private Reply callOn(RespConnection connection, List<String> command, boolean reused) {
    try {
      Reply answer = connection.call(command);
      release(connection);
      return answer;
    } catch (RespConnection.ErrorReply e) {
      release(connection);
      throw new StateUnavailableException("Redis failed: " + e.getMessage(), e);
    } catch (RespConnection.Unanswered e) {
      connection.close();
      if (reused) {
        return callOn(connect(), command, false);
      }
      throw new StateUnavailableException("Redis failed: " + e.getMessage(), e);
    } catch (SocketTimeoutException e) {
      connection.close();
      throw new StateUnavailableException("Redis did not answer within " + timeout, e);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw new StateUnavailableException("Redis failed: " + e.getMessage(), e);
    }
  }

  private RespConnection connect() {
    if (closed) {
      throw new StateUnavailableException("the Redis connections are closed", null);
    }
    try {
      return RespConnection.open(address, timeout, tls);
    } catch (SocketTimeoutException e) {
      throw new StateUnavailableException("Redis at " + address + " did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new StateUnavailableException("Redis at " + address + " failed: " + e.getMessage(), e);
    } catch (RespConnection.ErrorReply e) {
      throw new StateUnavailableException("Redis at " + address + " refused the login: " + e.getMessage(), e);
    }
  }

  private void release(RespConnection connection) {
    idle.offerFirst(connection);
    if (closed) {
      // closed meanwhile: what close() did not see is dropped here
      drain();
    }
  }

  /** Closes the idle connections; a connection in use is closed when its caller gives it back. */
  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (RespConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      c.close();
    }
  }
}
