package com.clisonix.edge.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a normalised email or device id: equal inputs give equal hashes, so a unique index
 * and an equality lookup work on ciphertext columns without revealing the value. The HMAC key is
 * derived with HKDF-SHA256 (RFC 5869) from the configured lookup key, not from an encryption key,
 * so rotating encryption keys leaves every hash (and every lookup) as it was.
 */
public final class KeyedHash {
  /** HKDF's info: names what the derived key is for, and its version. */
  static final byte[] INFO = "clisonix-edge lookup hash v1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SALT = "clisonix-edge".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  /** One keyed Mac per thread: keying it per call would cost more than the hash itself. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  /** @param lookupKey the configured lookup key material (at least 32 bytes) */
  public KeyedHash(byte[] lookupKey) {
    if (lookupKey == null || lookupKey.length < 32) {
      throw new IllegalArgumentException("the lookup key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(Hkdf.derive(SALT, lookupKey, INFO, 32), "HmacSHA256");
  }

  /** Emails are compared case-insensitively, as the unique index always did. */
  public byte[] email(String email) {
    return email == null ? null : mac("email:" + email.trim().toLowerCase(Locale.ROOT));
  }

  /** Device ids arrive normalised (contract section 1): the id is hashed as given. */
  public byte[] deviceId(String deviceId) {
    return deviceId == null ? null : mac("device:" + deviceId);
  }

  /**
   * The stored form of a once-only key ({@code ingest_messages.key}). The journal's key is a plain
   * SHA-256 of device, characteristic, payload and time, and a heart-rate packet has so few
   * possible values that a plain digest could be reversed by trying them all; keyed, it cannot.
   * 16 bytes, like the digest it replaces.
   */
  public byte[] ingestKey(byte[] digest) {
    byte[] in = new byte[7 + digest.length];
    System.arraycopy("ingest:".getBytes(StandardCharsets.US_ASCII), 0, in, 0, 7);
    System.arraycopy(digest, 0, in, 7, digest.length);
    return java.util.Arrays.copyOf(macs.get().doFinal(in), 16);
  }

  /** The hash a column's value gets (its {@link EncryptedColumn#hashColumn()}). */
  public byte[] of(EncryptedColumn column, String value) {
    return switch (column) {
      case USER_EMAIL -> email(value);
      case READING_DEVICE_ID -> deviceId(value);
      default -> throw new IllegalArgumentException(column + " has no lookup hash");
    };
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private byte[] mac(String s) {
    // doFinal leaves the Mac reset and keyed for the next value
    return macs.get().doFinal(s.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of raw bytes under a raw key: the primitive, for its RFC 4231 test. */
  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HKDF-SHA256 (RFC 5869): extract, then expand. */
  static final class Hkdf {
    private Hkdf() {}

    static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
      byte[] prk = hmac(salt.length == 0 ? new byte[32] : salt, ikm);
      byte[] out = new byte[length];
      byte[] t = new byte[0];
      int done = 0;
      for (int i = 1; done < length; i++) {
        byte[] input = new byte[t.length + info.length + 1];
        System.arraycopy(t, 0, input, 0, t.length);
        System.arraycopy(info, 0, input, t.length, info.length);
        input[input.length - 1] = (byte) i;
        t = hmac(prk, input);
        int n = Math.min(t.length, length - done);
        System.arraycopy(t, 0, out, done, n);
        done += n;
      }
      return out;
    }
  }
}
