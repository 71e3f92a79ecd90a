package org.humiao.minor.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One blocking connection to Redis, speaking RESP2 on the calling thread: a command is written and
 * its answer read before the call returns, each read waiting at most the timeout. Not thread-safe:
 * {@link RespPool} lends it to one caller at a time.
 */
final class RespConnection implements AutoCloseable {
  private static final int BUFFER = 8192;
  private static final byte[] CRLF = {'\r', '\n'};

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
  /**
   * A command is put together here and written with one call; answers are read through {@link
   * #input} (buffers of its own: the JDK's buffered streams lock on every byte).
   */
  private byte[] output = new byte[BUFFER];
  private int written;
  private final byte[] input = new byte[BUFFER];
  private int position;
  private int limit;

  private RespConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  /**
   * Connects within {@code timeout} (over TLS through {@code tls} for a {@code rediss} address, the
   * certificate checked against the host), and says who it is and which database it uses if the
   * address names them.
   */
  static RespConnection open(RedisAddress address, Duration timeout, SSLSocketFactory tls) throws IOException, ErrorReply {
    Socket socket = address.tls() ? tls.createSocket() : new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      if (socket instanceof SSLSocket secure) {
        SSLParameters parameters = secure.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secure.setSSLParameters(parameters);
        secure.startHandshake();
      }
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
      first = next();
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
    written = 0;
    header('*', command.size());
    for (String part : command) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      header('$', bytes.length);
      put(bytes, bytes.length);
      put(CRLF, 2);
    }
    out.write(output, 0, written);
  }

  private void header(char kind, int count) {
    room(16);
    output[written++] = (byte) kind;
    String digits = Integer.toString(count);
    for (int i = 0; i < digits.length(); i++) {
      output[written++] = (byte) digits.charAt(i);
    }
    output[written++] = '\r';
    output[written++] = '\n';
  }

  private void put(byte[] bytes, int length) {
    room(length);
    System.arraycopy(bytes, 0, output, written, length);
    written += length;
  }

  private void room(int more) {
    if (written + more > output.length) {
      output = Arrays.copyOf(output, Math.max(output.length * 2, written + more));
    }
  }

  /** An answer after its first byte; an error inside an array is not read on (the connection is dropped). */
  private Reply read(int kind) throws IOException {
    return switch (kind) {
      case '+' -> Reply.of(Reply.Kind.STATUS, line());
      case ':' -> Reply.of(Reply.Kind.NUMBER, line());
      case '$' -> string(length());
      case '*' -> array(length());
      default -> throw new IOException("not a RESP2 answer: byte " + kind);
    };
  }

  private Reply string(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    if (limit - position >= length + 2) {
      // the whole string in the buffer, as an answer of a few hundred bytes is
      String text = new String(input, position, length, StandardCharsets.UTF_8);
      position += length + 2;
      return Reply.of(Reply.Kind.STRING, text);
    }
    byte[] bytes = new byte[length];
    for (int copied = 0; copied < length; ) {
      if (position == limit) {
        fill();
      }
      int n = Math.min(length - copied, limit - position);
      System.arraycopy(input, position, bytes, copied, n);
      position += n;
      copied += n;
    }
    next();
    next();
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
    if (position == limit) {
      fill();
    }
    return input[position++] & 0xff;
  }

  private void fill() throws IOException {
    int n = in.read(input);
    if (n < 0) {
      throw new EOFException("Redis closed the connection");
    }
    position = 0;
    limit = n;
  }

  /** A string's or an array's length, and its CRLF; -1 for nil. */
  private int length() throws IOException {
    int b = next();
    boolean negative = b == '-';
    int value = 0;
    for (b = negative ? next() : b; b != '\r'; b = next()) {
      if (b < '0' || b > '9') {
        throw new IOException("not a RESP2 length: byte " + b);
      }
      value = value * 10 + (b - '0');
    }
    next();
    return negative ? -value : value;
  }

  /** The rest of a line, without its CRLF (status, number: ASCII). */
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
