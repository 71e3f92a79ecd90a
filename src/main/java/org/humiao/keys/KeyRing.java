package org.humiao.keys;

import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The valid keys at one moment, immutable, looked up by the hash of a presented key. */
public final class KeyRing {
  private final Map<String, ApiKey> byHash;
  private final List<ApiKey> keys;

  public KeyRing(Collection<ApiKey> keys) {
    this.keys = List.copyOf(keys);
    this.byHash = this.keys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::sha256, Function.identity()));
  }

  public List<ApiKey> keys() {
    return keys;
  }

  public Optional<ApiKey> find(String presented) {
    byte[] hash = KeyIssuer.sha256(presented);
    ApiKey candidate = byHash.get(HexFormat.of().formatHex(hash));
    // The map lookup already matched; the constant-time comparison keeps the final check free of
    // early exits, should the lookup ever become a prefix or range search.
    if (candidate != null && MessageDigest.isEqual(HexFormat.of().parseHex(candidate.sha256()), hash)) {
      return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
