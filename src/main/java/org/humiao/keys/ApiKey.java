package org.humiao.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: never the key itself, only the SHA-256 of it (hex), so keys.json leaking
 * does not leak credentials.
 *
 * @param platform the platform a platform or reviewer key acts for; null for other roles
 */
public record ApiKey(String id, Role role, String platform, String sha256, Instant created) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(created, "created");
    if (role.scoped() != (platform != null)) {
      throw new IllegalArgumentException("a platform id goes with platform and reviewer keys, and only with them (key " + id + ")");
    }
  }
}
