package org.humiao.keys;

import org.humiao.regions.RegionScope;
import org.humiao.regions.RegionTable;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: never the key itself, only the SHA-256 of it (hex), so keys.json leaking
 * does not leak credentials.
 *
 * @param platform the platform a platform or reviewer key acts for; null for other roles
 * @param region a GB/T 2260 division code: a regulator key sees the events of that division and
 *     everything under it (null or {@code 000000}: the whole country); a platform key's events
 *     carry it when a request names no region; null for admin keys
 */
public record ApiKey(String id, Role role, String platform, String sha256, Instant created, String region) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(created, "created");
    if (role.scoped() != (platform != null)) {
      throw new IllegalArgumentException("a platform id goes with platform and reviewer keys, and only with them (key " + id + ")");
    }
    if (region != null) {
      checkRegion(id, role, region);
    }
  }

  /** A key of no region. */
  public ApiKey(String id, Role role, String platform, String sha256, Instant created) {
    this(id, role, platform, sha256, created, null);
  }

  /** What this key may read of the events, by region: a platform or admin key is not bound by region. */
  public RegionScope scope() {
    return role == Role.REGULATOR ? RegionScope.of(RegionTable.shipped(), region) : RegionScope.NATIONAL;
  }

  private static void checkRegion(String id, Role role, String region) {
    if (role == Role.ADMIN) {
      throw new IllegalArgumentException("an admin key has no region (key " + id + ")");
    }
    boolean national = RegionScope.NATIONAL_CODE.equals(region);
    if (national ? role != Role.REGULATOR : !RegionTable.shipped().contains(region)) {
      throw new IllegalArgumentException("region \"" + region + "\" of key " + id + " is not a GB/T 2260 division code"
          + (national ? " an event can carry" : ""));
    }
  }
}
