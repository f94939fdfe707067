package com.clisonix.edge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.FieldCipherException;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A box given only the contract's encryption keys keeps its lookup key in its edge store: made
 * once (also when several boxes of a cluster start at once), wrapped under the data keys, the
 * same at every start, re-wrapped by a rotation, unreadable with a wrong key.
 */
@RealServices
class LookupKeyStoreTest {

  private static FieldCipher cipher(String id, int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return new FieldCipher(List.of(new FieldCipher.Key(id, k)));
  }

  @Test
  void madeOnceKeptWrappedAndRewrappedByARotation(PostgresService pg) throws Exception {
    PgUri uri = PgUri.parse("edge_db.uri", pg.uri());
    FieldCipher a = cipher("A", 1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Callable<byte[]> start = () -> LookupKeyStore.resolve(uri, a);
      List<Future<byte[]>> boxes = pool.invokeAll(List.of(start, start, start));
      byte[] key = boxes.get(0).get();
      assertThat(key).hasSize(32);
      for (Future<byte[]> box : boxes) {
        assertThat(box.get()).as("every box of the gym gets the same key").isEqualTo(key);
      }
      assertThat(LookupKeyStore.resolve(uri, a)).as("and again at the next start").isEqualTo(key);

      byte[] stored = stored(uri);
      assertThat(FieldCipher.keyId(LookupKeyStore.TABLE, LookupKeyStore.COLUMN, stored)).isEqualTo("A");
      assertThat(indexOf(stored, key)).as("not in clear").isNegative();

      // rotation: B current, A still readable; the key is re-wrapped, not changed
      FieldCipher ba = new FieldCipher(List.of(new FieldCipher.Key("B", filled(2)), new FieldCipher.Key("A", filled(1))));
      assertThat(LookupKeyStore.rewrap(uri, ba)).isTrue();
      assertThat(LookupKeyStore.rewrap(uri, ba)).as("already current").isFalse();
      assertThat(FieldCipher.keyId(LookupKeyStore.TABLE, LookupKeyStore.COLUMN, stored(uri))).isEqualTo("B");
      assertThat(LookupKeyStore.resolve(uri, cipher("B", 2))).as("B alone reads it").isEqualTo(key);

      assertThatThrownBy(() -> LookupKeyStore.resolve(uri, cipher("B", 9))).isInstanceOf(FieldCipherException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] filled(int fill) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) fill);
    return k;
  }

  private static byte[] stored(PgUri uri) throws Exception {
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT value FROM clisonix_keys.store_secrets WHERE name = 'lookup_key'")) {
      assertThat(rs.next()).isTrue();
      return rs.getBytes(1);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
