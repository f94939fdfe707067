package com.clisonix.edge.gateway.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one stored value at a time. A stored value is
 * {@code [version 1][key id length][key id][12-byte nonce][ciphertext + 16-byte tag]}; the key id
 * names which configured key opens it, so values written before a rotation stay readable while the
 * old key is configured. The additional authenticated data is the header plus the value's table and
 * column: a value copied into another column, or a header edited to name another key, fails to
 * decrypt instead of passing as a different field. Every failure is a {@link FieldCipherException}
 * naming table, column and key id; a wrong key never yields garbage because GCM's tag checks it.
 *
 * <p>Thread-safe: a {@link Cipher} per thread (creating one per value costs more than the
 * encryption of a reading).
 */
public final class FieldCipher {
  /** The format's only version so far. */
  public static final byte VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;

  /** One AES-256 key and the id stored beside every value it encrypted. */
  public record Key(String id, byte[] material) {
    public Key {
      if (id == null || id.isEmpty() || id.length() > 255 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
        throw new IllegalArgumentException("a key id is 1-255 printable ASCII characters");
      }
      if (material == null || material.length != 32) {
        throw new IllegalArgumentException("key '" + id + "' must be 32 bytes for AES-256");
      }
      material = material.clone();
    }

    @Override
    public String toString() {
      return "Key[" + id + "]";
    }
  }

  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is not available in this JVM", e);
    }
  });
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final byte[] currentHeader;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

  /** @param keys the first one encrypts; all of them decrypt */
  public FieldCipher(List<Key> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one key is needed");
    }
    for (Key k : keys) {
      if (this.keys.put(k.id(), new SecretKeySpec(k.material(), "AES")) != null) {
        throw new IllegalArgumentException("key id '" + k.id() + "' is given twice");
      }
    }
    this.currentId = keys.get(0).id();
    this.currentHeader = header(currentId);
  }

  /** The id of the key new values are encrypted with. */
  public String currentKeyId() {
    return currentId;
  }

  public byte[] encrypt(EncryptedColumn column, byte[] plaintext) {
    return encrypt(column.table(), column.column(), plaintext);
  }

  public byte[] decrypt(EncryptedColumn column, byte[] stored) {
    return decrypt(column.table(), column.column(), stored);
  }

  public byte[] encrypt(String table, String column, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return encryptWithNonce(table, column, plaintext, nonce);
  }

  /** Package-private so tests can pin the nonce; production always draws a random one. */
  byte[] encryptWithNonce(String table, String column, byte[] plaintext, byte[] nonce) {
    byte[] h = currentHeader;
    byte[] out = new byte[h.length + NONCE_BYTES + plaintext.length + TAG_BITS / 8];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(nonce, 0, out, h.length, NONCE_BYTES);
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(h, table, column));
      c.doFinal(plaintext, 0, plaintext.length, out, h.length + NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException(table, column, currentId, "encryption failed: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Opens a stored value.
   *
   * @throws FieldCipherException when the value is not in this format, its key is not configured,
   *     or it does not authenticate (wrong key material, tampering, another column's value)
   */
  public byte[] decrypt(String table, String column, byte[] stored) {
    String id = keyId(table, column, stored);
    SecretKeySpec key = keys.get(id);
    if (key == null) {
      throw new FieldCipherException(table, column, id, "key id is not configured (keys: " + keys.keySet() + ")", null);
    }
    int headerLength = 2 + id.length();
    int body = headerLength + NONCE_BYTES;
    if (stored.length < body + TAG_BITS / 8) {
      throw new FieldCipherException(table, column, id, "value is truncated", null);
    }
    try {
      Cipher c = CIPHERS.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_BYTES));
      c.updateAAD(aad(Arrays.copyOf(stored, headerLength), table, column));
      return c.doFinal(stored, body, stored.length - body);
    } catch (AEADBadTagException e) {
      throw new FieldCipherException(table, column, id,
          "value does not authenticate: wrong key material for this id, a tampered value, or a value of another column", e);
    } catch (GeneralSecurityException e) {
      throw new FieldCipherException(table, column, id, "decryption failed: " + e.getMessage(), e);
    }
  }

  /** The key id a stored value names, without decrypting it. */
  public static String keyId(String table, String column, byte[] stored) {
    if (stored == null || stored.length < 2) {
      throw new FieldCipherException(table, column, "?", "value is not an encrypted value (too short)", null);
    }
    if (stored[0] != VERSION) {
      throw new FieldCipherException(table, column, "?", "value is not an encrypted value (format version "
          + (stored[0] & 0xff) + ")", null);
    }
    int n = stored[1] & 0xff;
    if (n == 0 || stored.length < 2 + n) {
      throw new FieldCipherException(table, column, "?", "value is not an encrypted value (bad key id)", null);
    }
    return new String(stored, 2, n, StandardCharsets.US_ASCII);
  }

  /** True when the value is encrypted under the current key (re-encryption skips it). */
  public boolean isCurrent(byte[] stored) {
    if (stored == null || stored.length < currentHeader.length) {
      return false;
    }
    return Arrays.equals(stored, 0, currentHeader.length, currentHeader, 0, currentHeader.length);
  }

  // Typed helpers: how each kind of value becomes bytes. Nulls stay null (a missing value is not a secret).

  public byte[] encryptDouble(EncryptedColumn column, Double value) {
    return value == null ? null : encrypt(column, ByteBuffer.allocate(8).putDouble(value).array());
  }

  public Double decryptDouble(EncryptedColumn column, byte[] stored) {
    if (stored == null) {
      return null;
    }
    byte[] plain = decrypt(column, stored);
    if (plain.length != 8) {
      throw new FieldCipherException(column.table(), column.column(), keyId(column.table(), column.column(), stored),
          "value is " + plain.length + " bytes, not a number", null);
    }
    return ByteBuffer.wrap(plain).getDouble();
  }

  public byte[] encryptString(EncryptedColumn column, String value) {
    return value == null ? null : encrypt(column, value.getBytes(StandardCharsets.UTF_8));
  }

  public String decryptString(EncryptedColumn column, byte[] stored) {
    return stored == null ? null : new String(decrypt(column, stored), StandardCharsets.UTF_8);
  }

  private static byte[] header(String id) {
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    byte[] h = new byte[2 + idBytes.length];
    h[0] = VERSION;
    h[1] = (byte) idBytes.length;
    System.arraycopy(idBytes, 0, h, 2, idBytes.length);
    return h;
  }

  private static byte[] aad(byte[] header, String table, String column) {
    byte[] name = (table + "." + column).getBytes(StandardCharsets.UTF_8);
    byte[] aad = new byte[header.length + 1 + name.length];
    System.arraycopy(header, 0, aad, 0, header.length);
    System.arraycopy(name, 0, aad, header.length + 1, name.length);
    return aad;
  }
}
