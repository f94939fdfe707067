package com.clisonix.edge.bench;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.KeyedHash;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encryption at rest on the journal's path: what one stored reading costs (its value encrypted,
 * and opened again as the API does), and everything the journal adds to a strap's reading (value,
 * device id and raw payload encrypted, the device id's keyed hash). The journal's group commit
 * does this for every reading of a batch on its event loop, so these figures bound its cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FieldCipherBenchmark {
  FieldCipher cipher;
  KeyedHash hash;
  double[] values;
  byte[][] stored;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    byte[] key = new byte[32];
    random.nextBytes(key);
    byte[] old = new byte[32];
    random.nextBytes(old);
    // a box after one rotation: two keys configured, the first one encrypts
    cipher = new FieldCipher(List.of(new FieldCipher.Key("k2", key), new FieldCipher.Key("k1", old)));
    byte[] lookup = new byte[32];
    random.nextBytes(lookup);
    hash = new KeyedHash(lookup);
    values = new double[Fixtures.RING];
    stored = new byte[Fixtures.RING][];
    for (int i = 0; i < Fixtures.RING; i++) {
      values[i] = 60 + (i * 7) % 120;
      stored[i] = cipher.encryptDouble(EncryptedColumn.READING_VALUE, values[i]);
      if (cipher.decryptDouble(EncryptedColumn.READING_VALUE, stored[i]) != values[i]) {
        throw new IllegalStateException("round trip failed at " + i);
      }
    }
  }

  /** One reading's value encrypted and opened again. */
  @Benchmark
  public double encryptDecryptReadingValue() {
    int i = next++ & (Fixtures.RING - 1);
    byte[] s = cipher.encryptDouble(EncryptedColumn.READING_VALUE, values[i]);
    return cipher.decryptDouble(EncryptedColumn.READING_VALUE, s);
  }

  /** Opening a stored value alone (the read side: history, stats, exports). */
  @Benchmark
  public double decryptReadingValue() {
    return cipher.decryptDouble(EncryptedColumn.READING_VALUE, stored[next++ & (Fixtures.RING - 1)]);
  }

  /** Everything the journal adds to one strap reading before its batch insert. */
  @Benchmark
  public void journalReading(Blackhole bh) {
    int i = next++ & (Fixtures.RING - 1);
    bh.consume(cipher.encryptDouble(EncryptedColumn.READING_VALUE, values[i]));
    bh.consume(cipher.encryptString(EncryptedColumn.READING_DEVICE_ID, "A1B2C3D4E5F6"));
    bh.consume(hash.deviceId("A1B2C3D4E5F6"));
    bh.consume(cipher.encryptString(EncryptedColumn.READING_RAW_DATA, "{\"payload\":\"16485401ec02\"}"));
  }
}
