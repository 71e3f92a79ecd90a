package org.humiao.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyStoreTest {
  private final KeyIssuer issuer = new KeyIssuer(new SecureRandom(),
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

  @Test
  void keysAreRandomPrefixedAndStoredOnlyAsHashes(@TempDir Path dir) throws Exception {
    IssuedKey a = issuer.issue(Role.PLATFORM, "demo");
    IssuedKey b = issuer.issue(Role.PLATFORM, "demo");
    assertTrue(a.secret().startsWith("hm_"));
    assertEquals(3 + 43, a.secret().length(), "32 bytes of base64url");
    assertFalse(a.secret().equals(b.secret()) || a.stored().id().equals(b.stored().id()));
    KeyStore store = new KeyStore(dir);
    store.write(List.of(a.stored(), b.stored()));
    String file = Files.readString(store.file());
    assertFalse(file.contains(a.secret().substring(3)), "the secret itself is never written");
    assertTrue(file.contains(a.stored().sha256()));
    assertEquals(List.of(a.stored(), b.stored()), store.read());
    try (var files = Files.list(dir)) {
      assertEquals(Set.of(KeyStore.FILE_NAME), files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
          "no temporary file is left behind");
    }
  }

  @Test
  void ringFindsAKeyByItsSecretOnly() {
    IssuedKey a = issuer.issue(Role.ADMIN, null);
    KeyRing ring = new KeyRing(List.of(a.stored(), issuer.issue(Role.REGULATOR, null).stored()));
    assertEquals(a.stored(), ring.find(a.secret()).orElseThrow());
    assertTrue(ring.find(a.secret() + "x").isEmpty());
    assertTrue(ring.find(a.stored().sha256()).isEmpty(), "the stored hash is not a key");
  }

  @Test
  void addAndRevoke(@TempDir Path dir) {
    KeyStore store = new KeyStore(dir.resolve("nested"));
    IssuedKey a = issuer.issue(Role.REGULATOR, null);
    store.add(a.stored());
    store.add(issuer.issue(Role.ADMIN, null).stored());
    assertEquals(2, store.read().size());
    assertEquals(a.stored(), store.revoke(a.stored().id()).orElseThrow());
    assertTrue(store.revoke(a.stored().id()).isEmpty());
    assertEquals(1, store.read().size());
  }

  @Test
  void aReviewerKeyActsForOnePlatformAndSurvivesTheFile(@TempDir Path dir) {
    KeyStore store = new KeyStore(dir);
    IssuedKey reviewer = issuer.issue(Role.REVIEWER, "demo");
    store.add(reviewer.stored());
    assertEquals(List.of(reviewer.stored()), store.read());
    assertEquals(Role.REVIEWER, Role.byId("reviewer"));
    assertThrows(IllegalArgumentException.class, () -> issuer.issue(Role.REVIEWER, null), "a reviewer needs a platform");
    assertThrows(IllegalArgumentException.class, () -> issuer.issue(Role.REGULATOR, "demo"));
  }

  @Test
  void bootstrapMakesOneKeyPerRoleOnce(@TempDir Path dir) {
    KeyStore store = new KeyStore(dir);
    List<IssuedKey> first = KeyBootstrap.ensure(store, issuer);
    assertEquals(List.of(Role.PLATFORM, Role.REGULATOR, Role.ADMIN), first.stream().map(k -> k.stored().role()).toList());
    assertEquals(KeyBootstrap.DEMO_PLATFORM, first.get(0).stored().platform());
    assertTrue(KeyBootstrap.ensure(store, issuer).isEmpty());
    assertEquals(3, store.read().size());
  }

  @Test
  void aBrokenFileIsAKeyFileException(@TempDir Path dir) throws Exception {
    KeyStore store = new KeyStore(dir);
    Files.writeString(store.file(), "{\"keys\":[{\"id\":\"k\",\"role\":\"king\"}]}");
    assertThrows(KeyFileException.class, store::read);
    Files.writeString(store.file(), "not json");
    assertThrows(KeyFileException.class, store::read);
  }

  @Test
  void onlyPlatformKeysHaveAPlatform() {
    assertThrows(IllegalArgumentException.class, () -> issuer.issue(Role.PLATFORM, null));
    assertThrows(IllegalArgumentException.class, () -> issuer.issue(Role.ADMIN, "demo"));
  }

  @Test
  void aKeysRegionIsStoredAndAnUnknownOneMakesTheFileInvalid(@TempDir Path dir) throws Exception {
    IssuedKey county = issuer.issue(Role.REGULATOR, null, "530502");
    IssuedKey platform = issuer.issue(Role.PLATFORM, "demo", "530521");
    KeyStore store = new KeyStore(dir);
    store.write(List.of(county.stored(), platform.stored(), issuer.issue(Role.REGULATOR, null).stored()));
    assertEquals(List.of("530502", "530521"), store.read().stream().map(ApiKey::region).filter(r -> r != null).toList());
    assertEquals("530502", county.stored().scope().code());
    assertTrue(platform.stored().scope().national(), "a platform key's region is its events' default, not a scope");
    Files.writeString(store.file(), Files.readString(store.file()).replace("530502", "530599"));
    assertThrows(KeyFileException.class, store::read);
  }
}
