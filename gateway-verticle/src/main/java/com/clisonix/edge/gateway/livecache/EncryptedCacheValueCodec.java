package com.clisonix.edge.gateway.livecache;

import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.FieldCipherException;
import java.util.Objects;

/**
 * Live cache values encrypted at rest with the store's AES-256-GCM {@link FieldCipher}, the same
 * keys and format as the database columns. The Redis key is the associated data ({@code redis} as
 * the table, the key as the column), so a value copied under another athlete's key fails to open.
 */
public final class EncryptedCacheValueCodec implements CacheValueCodec {
  static final String TABLE = "redis";

  private final FieldCipher cipher;

  public EncryptedCacheValueCodec(FieldCipher cipher) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  @Override
  public byte[] encode(String key, byte[] plain) {
    return cipher.encrypt(TABLE, key, plain);
  }

  @Override
  public byte[] decode(String key, byte[] stored) {
    try {
      return cipher.decrypt(TABLE, key, stored);
    } catch (FieldCipherException e) {
      throw new IllegalStateException("live cache value under " + key + " does not open: " + e.getMessage(), e);
    }
  }
}
