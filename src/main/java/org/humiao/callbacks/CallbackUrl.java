package org.humiao.callbacks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a platform may register: absolute http or https with a host, no user info (a password
 * in a URL ends up in logs), no fragment (never sent), at most {@link #MAX_LENGTH} characters.
 */
public final class CallbackUrl {
  public static final int MAX_LENGTH = 2048;

  private CallbackUrl() {}

  /** Empty when {@code url} may be registered, else what is wrong with it. */
  public static Optional<String> problem(String url) {
    if (url.isEmpty() || url.length() > MAX_LENGTH) {
      return Optional.of("1 to " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("http or https only");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("no user info (user:password@) in the URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("a host is required");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("no fragment (#...)");
    }
    return Optional.empty();
  }
}
