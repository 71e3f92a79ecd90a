package org.humiao.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The valid keys at one moment, immutable, looked up by the hash of a presented key. */
public final class KeyRing {
  /** A digest per thread: looking one up per request was a measurable share of an event loop's time. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeyIssuer::sha256Digest);

  /** Keyed by the raw hash (a ByteBuffer compares by content), so a lookup formats no hex. */
  private final Map<ByteBuffer, ApiKey> byHash;
  private final List<ApiKey> keys;
  /** Each platform's default region: the region of its newest platform key that has one. */
  private final Map<String, String> platformRegions;

  public KeyRing(Collection<ApiKey> keys) {
    this.keys = List.copyOf(keys);
    this.byHash = this.keys.stream().collect(Collectors.toUnmodifiableMap(
        key -> ByteBuffer.wrap(HexFormat.of().parseHex(key.sha256())), Function.identity()));
    this.platformRegions = this.keys.stream()
        .filter(key -> key.role() == Role.PLATFORM && key.region() != null)
        .sorted(Comparator.comparing(ApiKey::created))
        .collect(Collectors.toUnmodifiableMap(ApiKey::platform, ApiKey::region, (older, newer) -> newer));
  }

  /** The region of {@code platform}'s events that name none; empty when none of its keys has one. */
  public Optional<String> platformRegion(String platform) {
    return Optional.ofNullable(platformRegions.get(platform));
  }

  public List<ApiKey> keys() {
    return keys;
  }

  public Optional<ApiKey> find(String presented) {
    byte[] hash = SHA_256.get().digest(presented.getBytes(StandardCharsets.UTF_8));
    ByteBuffer wrapped = ByteBuffer.wrap(hash);
    ApiKey candidate = byHash.get(wrapped);
    // The map lookup already matched; the constant-time comparison keeps the final check free of
    // early exits, should the lookup ever become a prefix or range search.
    if (candidate != null && MessageDigest.isEqual(HexFormat.of().parseHex(candidate.sha256()), hash)) {
      return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
