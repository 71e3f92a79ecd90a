package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.util.Locale;

/**
 * Checks a request before any of its body is buffered: the content type must be JSON (415) and a
 * declared Content-Length must be within the limit (413). A body sent without a length is held to
 * the same limit by the BodyHandler that follows.
 */
public final class JsonBodyGuard implements PlatformHandler {
  private final long maxBodyBytes;

  public JsonBodyGuard(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !mediaType(type).equals("application/json")) {
      throw new ApiError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as Content-Type: application/json");
    }
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredLength(length) > maxBodyBytes) {
      throw new ApiError(ErrorCode.BODY_TOO_LARGE, "request body is " + length + " bytes, the limit is " + maxBodyBytes);
    }
    ctx.next();
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** A length that is not a number is left to the HTTP codec, which rejects it; here it counts as small. */
  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
