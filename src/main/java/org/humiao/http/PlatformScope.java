package org.humiao.http;

import org.humiao.keys.ApiKey;
import org.humiao.keys.Role;

/** A platform key acts for its own platform only; other roles are bound to none. */
final class PlatformScope {
  private PlatformScope() {}

  static void check(ApiKey key, String requestedPlatform) {
    if (key.role() == Role.PLATFORM && requestedPlatform != null && !requestedPlatform.equals(key.platform())) {
      throw new ApiError(ErrorCode.PLATFORM_MISMATCH, "this key acts for platform " + key.platform() + " only");
    }
  }
}
