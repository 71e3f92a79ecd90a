package org.humiao.minor.attest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The issuers whose signed attestations are accepted, each with its Ed25519 public keys (several
 * while a key is rotated). Configured as {@code {"issuer": ["<base64 X.509 SubjectPublicKeyInfo>",
 * …]}}.
 */
public final class TrustedIssuers {
  private final Map<String, List<PublicKey>> keys;

  public TrustedIssuers(Map<String, List<PublicKey>> keys) {
    Map<String, List<PublicKey>> copy = new HashMap<>();
    keys.forEach((issuer, list) -> copy.put(issuer, List.copyOf(list)));
    this.keys = Map.copyOf(copy);
  }

  public static TrustedIssuers none() {
    return new TrustedIssuers(Map.of());
  }

  public static TrustedIssuers fromJson(JsonObject json) {
    Map<String, List<PublicKey>> keys = new HashMap<>();
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      for (String issuer : json.fieldNames()) {
        JsonArray list = json.getJsonArray(issuer);
        List<PublicKey> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          parsed.add(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(list.getString(i)))));
        }
        keys.put(issuer, parsed);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("bad Ed25519 public key: " + e.getMessage(), e);
    }
    return new TrustedIssuers(keys);
  }

  public boolean knows(String issuer) {
    return keys.containsKey(issuer);
  }

  /** Whether one of the issuer's keys signed {@code data}. */
  public boolean verify(String issuer, byte[] data, byte[] signature) {
    for (PublicKey key : keys.getOrDefault(issuer, List.of())) {
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(data);
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (SignatureException e) {
        // a signature of the wrong length or encoding: not this key's
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 unavailable", e);
      }
    }
    return false;
  }
}
