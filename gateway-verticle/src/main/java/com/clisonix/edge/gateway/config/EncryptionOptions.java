package com.clisonix.edge.gateway.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys for encryption at rest: the first is current (it encrypts), the others stay for reading
 * values written before a rotation.
 */
public record EncryptionOptions(List<EncryptionKey> keys) {

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
    return new EncryptionOptions(List.copyOf(keys));
  }
}
