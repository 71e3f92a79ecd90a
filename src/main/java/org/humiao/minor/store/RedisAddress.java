package org.humiao.minor.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a Redis is and how to log in to it, from a {@code redis://[[user]:password@]host[:port][/database]}
 * URI (the form of the {@code redisUri} setting), or {@code rediss://...} for TLS.
 *
 * @param tls {@code rediss}: the connection is TLS, the server's certificate checked against the host
 * @param user {@code null}: the default user
 * @param password {@code null}: no AUTH
 */
record RedisAddress(String host, int port, boolean tls, String user, String password, int database) {
  private static final int DEFAULT_PORT = 6379;

  static RedisAddress parse(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a Redis URI: " + e.getMessage(), e);
    }
    boolean tls = "rediss".equals(parsed.getScheme());
    if (!tls && !"redis".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("a Redis URI is redis[s]://host[:port][/database]: "
          + parsed.getScheme() + "://" + parsed.getHost());
    }
    String user = null;
    String password = null;
    String info = parsed.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = colon < 0 ? null : decode(info.substring(0, colon));
      password = decode(colon < 0 ? info : info.substring(colon + 1));
      if (user != null && user.isEmpty()) {
        user = null;
      }
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
    return new RedisAddress(parsed.getHost(), parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort(), tls, user, password,
        path.isEmpty() ? 0 : Integer.parseInt(path));
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** Never the password: for messages. */
  @Override
  public String toString() {
    return host + ":" + port + "/" + database;
  }
}
