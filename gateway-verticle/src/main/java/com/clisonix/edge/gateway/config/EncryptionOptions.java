package com.clisonix.edge.gateway.config;

import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.KeyedHash;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys for encryption at rest: the first is current (it encrypts), the others stay for reading
 * values written before a rotation. The lookup key is separate and never rotates with them: the
 * keyed hashes of emails and device ids are derived from it, so lookups and uniqueness survive
 * any rotation (docs/encryption.md). It is optional: a box not given one keeps a generated key in
 * its edge store ({@code LookupKeyStore}), and the gateway fills it in before anything uses
 * {@link #crypto()}; a chain that wants the same hashes in every gym configures one.
 */
public record EncryptionOptions(List<EncryptionKey> keys, byte[] lookupKey) {

  /** One AES-256 key and the id stored beside every value it encrypted. */
  public record EncryptionKey(String id, byte[] key) {
    @Override
    public String toString() {
      return "EncryptionKey[" + id + "]";
    }
  }

  public EncryptionKey current() {
    return keys.get(0);
  }

  /**
   * The cipher and keyed hash the stores use (cheap: build one per repository owner).
   *
   * @throws IllegalStateException when the lookup key is neither configured nor yet read from the store
   */
  public StoreCrypto crypto() {
    if (lookupKey == null) {
      throw new IllegalStateException("the lookup key has not been read from the edge store yet");
    }
    return new StoreCrypto(cipher(), new KeyedHash(lookupKey));
  }

  /** The data keys' cipher alone (what the stored lookup key is wrapped with). */
  public FieldCipher cipher() {
    List<FieldCipher.Key> k = new ArrayList<>();
    for (EncryptionKey e : keys) {
      k.add(new FieldCipher.Key(e.id(), e.key()));
    }
    return new FieldCipher(k);
  }

  /** True when the configuration names the lookup key. */
  public boolean hasLookupKey() {
    return lookupKey != null;
  }

  @Override
  public String toString() {
    return "EncryptionOptions[keys=" + keys + ", lookupKey=***]";
  }

  static EncryptionOptions from(ConfigReader r) {
    String label = ConfigReader.label("encryption.keys");
    String expected = "expected id:base64-of-32-bytes entries separated by commas, the first one current";
    List<String> entries = r.list("encryption.keys", List.of());
    if (entries.isEmpty()) {
      throw new ConfigException("encryption.keys", label + " is missing: " + expected);
    }
    List<EncryptionKey> keys = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      String id = colon < 0 ? "" : entry.substring(0, colon);
      if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
        throw new ConfigException("encryption.keys", label + " has an entry without a valid key id (1-16 of A-Z a-z 0-9 _ -): "
            + expected);
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(entry.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("encryption.keys", label + " key '" + id + "' is not valid base64: " + expected);
      }
      if (key.length != 32) {
        throw new ConfigException("encryption.keys", label + " key '" + id + "' is " + key.length
            + " bytes: " + expected);
      }
      if (!ids.add(id)) {
        throw new ConfigException("encryption.keys", label + " names key id '" + id + "' twice");
      }
      keys.add(new EncryptionKey(id, key));
    }
    return new EncryptionOptions(List.copyOf(keys), lookupKey(r));
  }

  private static byte[] lookupKey(ConfigReader r) {
    String label = ConfigReader.label("encryption.lookup_key");
    String expected = "expected base64 of 32 random bytes, kept for the life of the store (it is not rotated)";
    String text = r.string("encryption.lookup_key", null);
    if (text == null || text.isBlank()) {
      return null;
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("encryption.lookup_key", label + " is not valid base64: " + expected);
    }
    if (key.length < 32) {
      throw new ConfigException("encryption.lookup_key", label + " is " + key.length + " bytes: " + expected);
    }
    return key;
  }
}
