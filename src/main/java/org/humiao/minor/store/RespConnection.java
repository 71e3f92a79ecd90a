package org.humiao.minor.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One blocking connection to Redis, speaking RESP2 on the calling thread: a command is written and
 * its answer read before the call returns, each read waiting at most the timeout. Not thread-safe:
 * {@link RespPool} lends it to one caller at a time.
 */
final class RespConnection implements AutoCloseable {
  private static final int BUFFER = 8192;

  /** An error answer of Redis ({@code -ERR ...}, {@code -NOSCRIPT ...}): the connection is still good. */
  static final class ErrorReply extends Exception {
    ErrorReply(String text) {
      super(text, null, false, false);
    }
  }

  /**
   * The connection failed before any byte of the answer came (a write into a connection Redis had
   * closed, or its end of stream): Redis did not answer the command, which may go again elsewhere.
   */
  static final class Unanswered extends IOException {
    Unanswered(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final StringBuilder line = new StringBuilder();

  private RespConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
    this.in = new BufferedInputStream(socket.getInputStream(), BUFFER);
  }

  /** Connects within {@code timeout}, and says who it is and which database it uses if the address names them. */
  static RespConnection open(RedisAddress address, Duration timeout) throws IOException, ErrorReply {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      RespConnection connection = new RespConnection(socket);
      if (address.password() != null) {
        connection.call(address.user() == null ? List.of("AUTH", address.password())
            : List.of("AUTH", address.user(), address.password()));
      }
      if (address.database() != 0) {
        connection.call(List.of("SELECT", String.valueOf(address.database())));
      }
      return connection;
    } catch (IOException | ErrorReply | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Sends the command and reads its answer ({@code null} for nil).
   *
   * @throws Unanswered the connection failed before the answer began
   * @throws SocketTimeoutException Redis did not answer in time: the connection is no longer usable
   */
  Reply call(List<String> command) throws IOException, ErrorReply {
    int first;
    try {
      write(command);
      first = in.read();
      if (first < 0) {
        throw new EOFException("Redis closed the connection");
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new Unanswered(e);
    }
    if (first == '-') {
      throw new ErrorReply(line());
    }
    return read(first);
  }

  private void write(List<String> command) throws IOException {
    header('*', command.size());
    for (String part : command) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      header('$', bytes.length);
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
    out.flush();
  }

  private void header(char kind, int count) throws IOException {
    out.write(kind);
    String digits = Integer.toString(count);
    for (int i = 0; i < digits.length(); i++) {
      out.write(digits.charAt(i));
    }
    out.write('\r');
    out.write('\n');
  }

  /** An answer after its first byte; an error inside an array is not read on (the connection is dropped). */
  private Reply read(int kind) throws IOException {
    return switch (kind) {
      case '+' -> Reply.of(Reply.Kind.STATUS, line());
      case ':' -> Reply.of(Reply.Kind.NUMBER, line());
      case '$' -> string(Integer.parseInt(line()));
      case '*' -> array(Integer.parseInt(line()));
      default -> throw new IOException("not a RESP2 answer: byte " + kind);
    };
  }

  private Reply string(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
      throw new EOFException("Redis closed the connection inside an answer");
    }
    return Reply.of(Reply.Kind.STRING, new String(bytes, StandardCharsets.UTF_8));
  }

  private Reply array(int size) throws IOException {
    if (size < 0) {
      return null;
    }
    List<Reply> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      elements.add(read(next()));
    }
    return Reply.array(elements);
  }

  private int next() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("Redis closed the connection inside an answer");
    }
    return b;
  }

  /** The rest of a line, without its CRLF (status, number, length: ASCII). */
  private String line() throws IOException {
    line.setLength(0);
    for (int b = next(); b != '\r'; b = next()) {
      line.append((char) b);
    }
    next();
    return line.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing is waiting on a connection being dropped
    }
  }
}
