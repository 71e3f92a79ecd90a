package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.humiao.keys.ApiKey;
import org.humiao.keys.KeyRing;

import java.util.function.Supplier;

/** {@code Authorization: Bearer <key>} against the current key ring; 401 when missing or unknown. */
public final class Authenticator implements PlatformHandler {
  private static final String KEY = "humiao.apiKey";
  private static final String SCHEME = "bearer ";

  private final Supplier<KeyRing> keys;

  /** @param keys the ring in force, asked on every request so that a changed keys.json applies at once */
  public Authenticator(Supplier<KeyRing> keys) {
    this.keys = keys;
  }

  public static ApiKey key(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new ApiError(ErrorCode.UNAUTHORIZED, "send an API key as Authorization: Bearer <key>");
    }
    ApiKey key = keys.get().find(header.substring(SCHEME.length()).trim())
        .orElseThrow(() -> new ApiError(ErrorCode.UNAUTHORIZED, "unknown or revoked API key"));
    ctx.put(KEY, key);
    ctx.next();
  }
}
