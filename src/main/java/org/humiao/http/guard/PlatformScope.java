package org.humiao.http.guard;

import org.humiao.http.ApiError;
import org.humiao.http.ErrorCode;

import org.humiao.keys.ApiKey;

/** A platform or reviewer key acts for its own platform only; other roles are bound to none. */
public final class PlatformScope {
  private PlatformScope() {}

  public static void check(ApiKey key, String requestedPlatform) {
    if (key.role().scoped() && requestedPlatform != null && !requestedPlatform.equals(key.platform())) {
      throw new ApiError(ErrorCode.PLATFORM_MISMATCH, "this key acts for platform " + key.platform() + " only");
    }
  }
}
