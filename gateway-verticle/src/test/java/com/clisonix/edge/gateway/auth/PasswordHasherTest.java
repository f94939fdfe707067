package com.clisonix.edge.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashIsSaltedPbkdf2Sha256WithAtLeast210000Iterations() throws Exception {
    String h = hasher.hash("correct horse battery staple");
    String[] parts = h.split("\\$");
    assertThat(parts[0]).isEqualTo("pbkdf2_sha256");
    assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    assertThat(salt).hasSize(16);
    // recompute independently with the JDK: the stored hash is exactly PBKDF2-HMAC-SHA256
    byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec("correct horse battery staple".toCharArray(), salt, Integer.parseInt(parts[1]), 256))
        .getEncoded();
    assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
    assertThat(hasher.hash("correct horse battery staple")).as("a fresh salt each time").isNotEqualTo(h);
  }

  @Test
  void verifiesOnlyTheRightPassword() {
    String h = hasher.hash("s3cret-Pass");
    assertThat(hasher.verify("s3cret-Pass", h)).isTrue();
    assertThat(hasher.verify("s3cret-pass", h)).isFalse();
    assertThat(hasher.verify("", h)).isFalse();
    assertThat(hasher.verify("s3cret-Pass", null)).isFalse();
    assertThat(hasher.verify("s3cret-Pass", "plaintext")).isFalse();
    assertThat(hasher.verify("s3cret-Pass", "pbkdf2_sha256$x$y$z")).isFalse();
    assertThat(hasher.verify("s3cret-Pass", h.replace("210000", "210001"))).isFalse();
  }

  @Test
  void refusesWeakIterationCounts() {
    assertThatThrownBy(() -> new PasswordHasher(10_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
