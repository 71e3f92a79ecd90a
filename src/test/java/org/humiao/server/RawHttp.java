package org.humiao.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a plain socket, for what a well-behaved client library will not
 * send: lengths that lie, bodies that never come. Every read is bounded by a socket timeout.
 */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  RawHttp(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), readTimeoutMillis);
    socket.setSoTimeout(readTimeoutMillis);
  }

  /** The head of a POST with a bearer key and a JSON content type; add headers and the blank line after it. */
  static String postHead(String path, String key) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
        + "\r\nContent-Type: application/json\r\n";
  }

  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Everything the server sends until it closes the connection or the read timeout passes. */
  String readUntilClosed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        out.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server neither answered in full nor closed; got: " + out.toString(StandardCharsets.UTF_8), e);
    } catch (IOException e) {
      // a reset after the answer is a close too
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Whether the server has closed the connection: a read sees the end of the stream (or a reset) in time. */
  boolean closedByServer() throws IOException {
    try {
      while (socket.getInputStream().read() >= 0) {
        // drain what was sent before the close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
