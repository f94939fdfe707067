package com.clisonix.edge.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The stored format, key ids and rotation, and failures that name their column and key. */
class FieldCipherTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY_A = seeded(1);
  private static final byte[] KEY_B = seeded(2);

  private static byte[] seeded(long seed) {
    byte[] k = new byte[32];
    new Random(seed).nextBytes(k);
    return k;
  }

  private static FieldCipher cipher(String id, byte[] key) {
    return new FieldCipher(List.of(new FieldCipher.Key(id, key)));
  }

  /**
   * AES-256-GCM itself, McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 14-16
   * (the AES-256 vectors also used by NIST's GCM validation): the JDK cipher FieldCipher relies on
   * gives exactly these ciphertexts and tags.
   */
  @Test
  void aes256GcmMatchesThePublishedTestVectors() throws Exception {
    String k = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    String p = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    String c = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";
    assertThat(gcm("00".repeat(32), "00".repeat(12), "00".repeat(16), ""))
        .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    assertThat(gcm(k, "cafebabefacedbaddecaf888", p, "")).isEqualTo(c + "b094dac5d93471bdec1a502270e3cc6c");
    assertThat(gcm(k, "cafebabefacedbaddecaf888", p.substring(0, 120), "feedfacedeadbeeffeedfacedeadbeefabaddad2"))
        .isEqualTo(c.substring(0, 120) + "76fc6ece0f4e1768cddf8853bb2d551b");
  }

  private static String gcm(String key, String iv, String plain, String aad) throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(HEX.parseHex(key), "AES"), new GCMParameterSpec(128, HEX.parseHex(iv)));
    c.updateAAD(HEX.parseHex(aad));
    return HEX.formatHex(c.doFinal(HEX.parseHex(plain)));
  }

  @Test
  void storedValueIsVersionKeyIdNonceCiphertextAndTag() throws Exception {
    FieldCipher f = cipher("k1", KEY_A);
    byte[] nonce = HEX.parseHex("cafebabefacedbaddecaf888");
    byte[] plain = "72".getBytes(StandardCharsets.UTF_8);
    byte[] stored = f.encryptWithNonce("biometric_data", "value", plain, nonce);
    assertThat(stored[0]).isEqualTo((byte) 1);
    assertThat(stored[1]).isEqualTo((byte) 2);
    assertThat(new String(stored, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
    assertThat(Arrays.copyOfRange(stored, 4, 16)).isEqualTo(nonce);
    assertThat(stored).hasSize(4 + 12 + plain.length + 16);
    // the body is plain AES-256-GCM with AAD = header, a zero byte, "table.column"
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY_A, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(Arrays.copyOf(stored, 4));
    c.updateAAD(new byte[] {0});
    c.updateAAD("biometric_data.value".getBytes(StandardCharsets.UTF_8));
    assertThat(c.doFinal(stored, 16, stored.length - 16)).isEqualTo(plain);
  }

  @Test
  void roundTripsEveryKindOfValueWithAFreshNonceEachTime() {
    FieldCipher f = cipher("k1", KEY_A);
    assertThat(f.decryptDouble(EncryptedColumn.READING_VALUE, f.encryptDouble(EncryptedColumn.READING_VALUE, 71.5)))
        .isEqualTo(71.5);
    assertThat(f.decryptString(EncryptedColumn.USER_EMAIL, f.encryptString(EncryptedColumn.USER_EMAIL, "ana@example.test")))
        .isEqualTo("ana@example.test");
    assertThat(f.encryptDouble(EncryptedColumn.READING_VALUE, null)).isNull();
    assertThat(f.decryptString(EncryptedColumn.USER_EMAIL, null)).isNull();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      byte[] s = f.encryptDouble(EncryptedColumn.READING_VALUE, 72.0);
      assertThat(seen.add(HEX.formatHex(s, 4, 16))).as("nonce repeated").isTrue();
    }
  }

  @Test
  void oldKeysStillReadAfterARotationAndNewValuesUseTheFirstKey() {
    byte[] underA = cipher("a", KEY_A).encryptDouble(EncryptedColumn.READING_VALUE, 140.0);
    FieldCipher rotated = new FieldCipher(List.of(new FieldCipher.Key("b", KEY_B), new FieldCipher.Key("a", KEY_A)));
    assertThat(rotated.decryptDouble(EncryptedColumn.READING_VALUE, underA)).isEqualTo(140.0);
    assertThat(rotated.isCurrent(underA)).isFalse();
    byte[] underB = rotated.encryptDouble(EncryptedColumn.READING_VALUE, 141.0);
    assertThat(FieldCipher.keyId("t", "c", underB)).isEqualTo("b");
    assertThat(rotated.isCurrent(underB)).isTrue();
    assertThat(cipher("b", KEY_B).decryptDouble(EncryptedColumn.READING_VALUE, underB)).isEqualTo(141.0);
  }

  @Test
  void wrongKeyMaterialFailsLoudlyNamingTableColumnAndKey() {
    byte[] stored = cipher("k1", KEY_A).encryptDouble(EncryptedColumn.READING_VALUE, 72.0);
    assertThatThrownBy(() -> cipher("k1", KEY_B).decryptDouble(EncryptedColumn.READING_VALUE, stored))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageContaining("biometric_data.value").hasMessageContaining("k1").hasMessageContaining("authenticate")
        .satisfies(e -> {
          FieldCipherException f = (FieldCipherException) e;
          assertThat(f.table()).isEqualTo("biometric_data");
          assertThat(f.column()).isEqualTo("value");
          assertThat(f.keyId()).isEqualTo("k1");
        });
  }

  @Test
  void unknownKeyIdFailsNamingIt() {
    byte[] stored = cipher("gone", KEY_A).encryptString(EncryptedColumn.USER_EMAIL, "x@example.test");
    assertThatThrownBy(() -> cipher("k1", KEY_A).decryptString(EncryptedColumn.USER_EMAIL, stored))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageContaining("fitness_users.email").hasMessageContaining("gone").hasMessageContaining("not configured");
  }

  @Test
  void aValueMovedToAnotherColumnOrTamperedWithFails() {
    FieldCipher f = cipher("k1", KEY_A);
    byte[] device = f.encryptString(EncryptedColumn.READING_DEVICE_ID, "A1B2C3D4E5F6");
    assertThatThrownBy(() -> f.decryptString(EncryptedColumn.USER_EMAIL, device))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("fitness_users.email");
    for (int i = 4; i < device.length; i++) {
      byte[] t = device.clone();
      t[i] ^= 1;
      assertThatThrownBy(() -> f.decryptString(EncryptedColumn.READING_DEVICE_ID, t))
          .isInstanceOf(FieldCipherException.class);
    }
    // a header edited to name another configured key
    FieldCipher two = new FieldCipher(List.of(new FieldCipher.Key("k1", KEY_A), new FieldCipher.Key("k2", KEY_A)));
    byte[] renamed = device.clone();
    renamed[3] = '2';
    assertThatThrownBy(() -> two.decryptString(EncryptedColumn.READING_DEVICE_ID, renamed))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("k2");
  }

  @Test
  void plaintextOrTruncatedBytesAreRefusedNotDecoded() {
    FieldCipher f = cipher("k1", KEY_A);
    assertThatThrownBy(() -> f.decrypt(EncryptedColumn.READING_VALUE, "72".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("not an encrypted value");
    byte[] stored = f.encryptDouble(EncryptedColumn.READING_VALUE, 72.0);
    assertThatThrownBy(() -> f.decrypt(EncryptedColumn.READING_VALUE, Arrays.copyOf(stored, 20)))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("truncated");
  }

  @Test
  void keysMustBe32BytesWithDistinctIds() {
    assertThatThrownBy(() -> new FieldCipher.Key("k", new byte[16])).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new FieldCipher(List.of(new FieldCipher.Key("k", KEY_A), new FieldCipher.Key("k", KEY_B))))
        .hasMessageContaining("twice");
    assertThat(new FieldCipher.Key("k", KEY_A).toString()).doesNotContain(HEX.formatHex(KEY_A).substring(0, 8));
  }

  @Test
  void oneCipherIsSafeToShareBetweenThreads() throws Exception {
    FieldCipher f = cipher("k1", KEY_A);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < 4; t++) {
      int base = t * 10_000;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          double v = base + i;
          if (f.decryptDouble(EncryptedColumn.READING_VALUE, f.encryptDouble(EncryptedColumn.READING_VALUE, v)) != v) {
            wrong.incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wrong.get()).isZero();
  }
}
