package org.humiao.http.regulator;

import org.humiao.http.BodyFields;
import org.humiao.identity.KeyedHash;
import org.humiao.keys.ApiKey;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque event cursors ({@code cursor}, {@code nextBefore}, {@code before}, the stream's event ids): a
 * journal offset and a tag of the reader's view, encrypted as one AES block under a key derived from
 * the server's pseudonym key. Journal offsets are global, so a platform (or a county) reading its own
 * events by offset would see in the gaps how many events everyone else had; a cursor shows nothing of
 * the kind, and a cursor handed to one view is refused by another. Every instance of a cluster shares
 * the server secrets, so a cursor from one instance is good on the next.
 */
public final class EventCursors {
  private static final int BLOCK = 16;

  private final KeyedHash views;
  private final ThreadLocal<Cipher> encrypt;
  private final ThreadLocal<Cipher> decrypt;

  /** @param serverKey the server's secret key (at least 16 bytes); the same on every instance */
  public EventCursors(byte[] serverKey) {
    this.views = new KeyedHash(serverKey, "");
    SecretKeySpec aes = new SecretKeySpec(HexFormat.of().parseHex(views.of("event-cursor", "aes-128")), "AES");
    this.encrypt = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE, aes));
    this.decrypt = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE, aes));
  }

  /** The cursor of journal offset {@code offset} as {@code reader} may see it. */
  public String of(long offset, ApiKey reader) {
    ByteBuffer block = ByteBuffer.allocate(BLOCK).putLong(offset).putLong(tag(reader));
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(encrypt.get().doFinal(block.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one block", e);
    }
  }

  /**
   * The journal offset of a cursor {@code reader} was given.
   *
   * @throws org.humiao.http.ApiError invalid_field naming {@code field} when it is no cursor of this reader's
   */
  public long offset(String cursor, ApiKey reader, String field) {
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(cursor.trim());
    } catch (IllegalArgumentException e) {
      sealed = new byte[0];
    }
    if (sealed.length == BLOCK) {
      try {
        ByteBuffer block = ByteBuffer.wrap(decrypt.get().doFinal(sealed));
        long offset = block.getLong();
        if (block.getLong() == tag(reader) && offset >= 0) {
          return offset;
        }
      } catch (GeneralSecurityException e) {
        // answered below, as a cursor of another view is
      }
    }
    throw BodyFields.invalid(field, "a cursor this key was given (nextBefore, an event's cursor or stream id)");
  }

  /** The view a key reads: its platform, or its region (all for a national regulator or an admin). */
  private long tag(ApiKey reader) {
    String view = reader.platform() != null ? "platform:" + reader.platform()
        : "region:" + (reader.scope().national() ? "all" : reader.scope().code());
    return HexFormat.fromHexDigitsToLong(views.of("event-cursor-view", view), 0, 16);
  }

  private static Cipher cipher(int mode, SecretKeySpec key) {
    try {
      // one block, never repeated for a view (offsets are unique): ECB is a plain pseudorandom permutation here
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(mode, key);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES unavailable", e);
    }
  }
}
