package com.clisonix.edge.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 (RFC 4231), HKDF-SHA256 (RFC 5869) and the lookup hashes built on them. */
class KeyedHashTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void hmacSha256MatchesRfc4231() {
    // test case 1
    assertThat(HEX.formatHex(KeyedHash.hmac(HEX.parseHex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // test case 2
    assertThat(HEX.formatHex(KeyedHash.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void hkdfSha256MatchesRfc5869TestCase1() {
    byte[] okm = KeyedHash.Hkdf.derive(HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("0b".repeat(22)),
        HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
    assertThat(HEX.formatHex(okm)).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void emailsHashTheSameWhateverTheirCaseAndDeviceIdsAsGiven() {
    KeyedHash h = new KeyedHash(new byte[32]);
    assertThat(h.email(" Ana@Example.TEST ")).isEqualTo(h.email("ana@example.test")).hasSize(32);
    assertThat(h.email("ana@example.test")).isNotEqualTo(h.email("ana2@example.test"));
    assertThat(h.deviceId("A1B2C3D4E5F6")).isNotEqualTo(h.deviceId("a1b2c3d4e5f6"));
    // an email and a device id with the same text never collide by construction
    assertThat(h.email("abc")).isNotEqualTo(h.deviceId("abc"));
    assertThat(h.email(null)).isNull();
  }

  @Test
  void theHashDependsOnTheLookupKeyOnly() {
    byte[] k1 = new byte[32];
    byte[] k2 = new byte[32];
    k2[0] = 1;
    assertThat(new KeyedHash(k1).email("a@b.test")).isEqualTo(new KeyedHash(k1.clone()).email("a@b.test"))
        .isNotEqualTo(new KeyedHash(k2).email("a@b.test"));
    // the HMAC key is HKDF-derived, never the configured bytes themselves
    assertThat(new KeyedHash(k1).email("a@b.test"))
        .isNotEqualTo(KeyedHash.hmac(k1, "email:a@b.test".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onceOnlyKeysAreKeyedSixteenBytesAndStable() {
    KeyedHash h = new KeyedHash(new byte[32]);
    byte[] digest = HEX.parseHex("00112233445566778899aabbccddeeff");
    assertThat(h.ingestKey(digest)).hasSize(16).isEqualTo(h.ingestKey(digest.clone())).isNotEqualTo(digest);
    byte[] other = new byte[32];
    other[31] = 1;
    assertThat(new KeyedHash(other).ingestKey(digest)).isNotEqualTo(h.ingestKey(digest));
  }
}
