package com.clisonix.edge.gateway.livecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.gateway.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptedCacheValueCodecTest {
  private static final byte[] PLAIN = "{\"user_id\":\"u1\",\"heart_rate\":152}".getBytes(StandardCharsets.UTF_8);

  private static FieldCipher cipher(String id, int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new FieldCipher(List.of(new FieldCipher.Key(id, key)));
  }

  @Test
  void valuesAreStoredEncryptedAndOpenUnderTheirKeyOnly() {
    EncryptedCacheValueCodec codec = new EncryptedCacheValueCodec(cipher("k1", 7));
    byte[] stored = codec.encode("p:live:metrics:u1", PLAIN);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("heart_rate").doesNotContain("152");
    assertThat(codec.decode("p:live:metrics:u1", stored)).isEqualTo(PLAIN);
    // random nonce: the same value never looks the same twice
    assertThat(codec.encode("p:live:metrics:u1", PLAIN)).isNotEqualTo(stored);
    // copied under another athlete's key, it does not open
    assertThatThrownBy(() -> codec.decode("p:live:metrics:u2", stored)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("p:live:metrics:u2");
  }

  @Test
  void aWrongKeyFailsLoudlyNeverReturnsGarbage() {
    byte[] stored = new EncryptedCacheValueCodec(cipher("k1", 7)).encode("k", PLAIN);
    assertThatThrownBy(() -> new EncryptedCacheValueCodec(cipher("k1", 8)).decode("k", stored))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new EncryptedCacheValueCodec(cipher("k2", 7)).decode("k", stored))
        .isInstanceOf(IllegalStateException.class);
  }
}
