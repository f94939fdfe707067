package com.clisonix.edge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.FieldCipherException;
import com.clisonix.edge.gateway.crypto.KeyedHash;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Encryption at rest on a real PostgreSQL, in the order an installation lives it: a store from
 * before encryption (version 4) holding plaintext rows is upgraded (V5 encrypts them), the raw
 * tables then hold no plaintext heart rate, email or landmark, a rotation re-encrypts every value
 * under the new key, and a wrong key fails loudly.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptAtRestStoreTest {
  static final String USER = "22222222-2222-2222-2222-222222222222";
  static final String EMAIL = "Rider.Plain@Example.test";
  static final String DEVICE = "A1B2C3D4E5F6";
  /** A landmark coordinate no ciphertext will spell by chance. */
  static final String LANDMARK = "0.5137291";
  static final int READINGS = 2_345;

  private PgUri db;
  private final byte[] keyA = seeded(11);
  private final byte[] keyB = seeded(12);
  private final KeyedHash hash = new KeyedHash(Base64.getDecoder().decode(GatewayTestConfig.LOOKUP_KEY));

  static byte[] seeded(long seed) {
    byte[] k = new byte[32];
    new Random(seed).nextBytes(k);
    return k;
  }

  StoreCrypto crypto(FieldCipher.Key... keys) {
    return new StoreCrypto(new FieldCipher(List.of(keys)), hash);
  }

  @BeforeAll
  void storeFromBeforeEncryption(PostgresService pg) throws Exception {
    PgUri server = PgUri.parse("edge_db.uri", pg.uri());
    String name = pg.database() + "_v4";
    try (Connection c = SchemaMigratorTest.connect(server); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    db = new PgUri(server.host(), server.port(), name, server.user(), server.password(), server.sslmode());
    Flyway.configure(getClass().getClassLoader()).dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/common", "classpath:db/edge").target("4.2").load().migrate();
    try (Connection c = SchemaMigratorTest.connect(db); Statement s = c.createStatement()) {
      s.execute("INSERT INTO fitness_users (id, user_id, username, email) VALUES ('" + USER + "', '" + USER + "', 'rider', '"
          + EMAIL.toLowerCase() + "')");
      s.execute("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, measurement_time, device_id, raw_data) "
          + "SELECT gen_random_uuid(), '" + USER + "', 'heart_rate', 100 + i % 80, 'bpm', now() - i * interval '1 second', '"
          + DEVICE + "', jsonb_build_object('hex', '16' || to_hex(100 + i % 80)) FROM generate_series(1, " + READINGS + ") i");
      s.execute("INSERT INTO workouts (id, user_id, name, workout_type, started_at) VALUES "
          + "('33333333-3333-3333-3333-333333333333', '" + USER + "', 'w', 'strength', now())");
      s.execute("INSERT INTO exercises (id, workout_id, name, exercise_type, pose_detection_data) VALUES (gen_random_uuid(), "
          + "'33333333-3333-3333-3333-333333333333', 'squat', 'strength', '{\"landmarks\": [[" + LANDMARK + ", 0.25]]}')");
      s.execute("INSERT INTO coaching_sessions (id, user_id, analysis_type, request, result) VALUES (gen_random_uuid(), '"
          + USER + "', 'pose', '{\"landmarks\": [[" + LANDMARK + ", 0.25]]}', '{\"form_score\": 81}')");
      s.execute("INSERT INTO devices (device_id, kind, last_value) VALUES ('" + DEVICE + "', 'strap', '{\"heart_rate\": 163}')");
    }
  }

  @AfterAll
  void drop() throws Exception {
    PgUri server = new PgUri(db.host(), db.port(), "postgres", db.user(), db.password(), db.sslmode());
    try (Connection c = SchemaMigratorTest.connect(server); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db.database() + " WITH (FORCE)");
    }
  }

  @Test
  @Order(1)
  void upgradingAStoreWithPlaintextRowsEncryptsEveryOneOfThem() throws Exception {
    StoreCrypto a = crypto(new FieldCipher.Key("a", keyA));
    assertThat(SchemaMigrator.migrateBlocking(db, SchemaMigrator.Target.EDGE, a).migrationsExecuted)
        .as("V5 (encryption), V5_1 and the migrations after them").isGreaterThanOrEqualTo(2);
    try (Connection c = SchemaMigratorTest.connect(db); Statement s = c.createStatement()) {
      for (EncryptedColumn col : EncryptedColumn.values()) {
        assertThat(type(s, col.table(), col.column())).as(col.toString()).isEqualTo("bytea");
      }
      try (ResultSet rs = s.executeQuery("SELECT email, email_hash FROM fitness_users")) {
        rs.next();
        assertThat(a.cipher().decryptString(EncryptedColumn.USER_EMAIL, rs.getBytes(1))).isEqualTo(EMAIL.toLowerCase());
        assertThat(rs.getBytes(2)).isEqualTo(hash.email(EMAIL));
      }
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT value, device_id, device_id_hash, raw_data FROM biometric_data")) {
        while (rs.next()) {
          n++;
          double hr = a.cipher().decryptDouble(EncryptedColumn.READING_VALUE, rs.getBytes(1));
          assertThat(hr).isBetween(100.0, 179.0);
          assertThat(a.cipher().decryptString(EncryptedColumn.READING_DEVICE_ID, rs.getBytes(2))).isEqualTo(DEVICE);
          assertThat(rs.getBytes(3)).isEqualTo(hash.deviceId(DEVICE));
          assertThat(a.cipher().decryptString(EncryptedColumn.READING_RAW_DATA, rs.getBytes(4))).contains("\"hex\"");
        }
      }
      assertThat(n).as("every page of the batched upgrade").isEqualTo(READINGS);
      try (ResultSet rs = s.executeQuery("SELECT pose_detection_data FROM exercises")) {
        rs.next();
        assertThat(a.cipher().decryptString(EncryptedColumn.EXERCISE_POSE_DATA, rs.getBytes(1))).contains(LANDMARK);
      }
      try (ResultSet rs = s.executeQuery("SELECT last_value FROM devices")) {
        rs.next();
        assertThat(a.cipher().decryptString(EncryptedColumn.DEVICE_LAST_VALUE, rs.getBytes(1))).contains("163");
      }
    }
    assertNoPlaintext();
  }

  /**
   * Reads every raw row of the encrypted tables (as bytes of every column, and as PostgreSQL's own
   * text of the row) and finds none of the plaintexts: not the email, not the device id, not the
   * landmark, not a device's last heart rate, not a reading's heart rate as the 8 bytes of a double.
   */
  void assertNoPlaintext() throws Exception {
    try (Connection c = SchemaMigratorTest.connect(db); Statement s = c.createStatement()) {
      for (String table : List.of("fitness_users", "biometric_data", "exercises", "coaching_sessions", "devices")) {
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
          while (rs.next()) {
            String row = rs.getString(1).toLowerCase();
            assertThat(row).as(table).doesNotContain("rider.plain").doesNotContain(LANDMARK).doesNotContain("\"hex\"")
                .doesNotContain("heart_rate\": 163");
            if (!table.equals("devices")) {
              assertThat(row).as(table).doesNotContain(DEVICE.toLowerCase());
            }
          }
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT value FROM biometric_data")) {
        while (rs.next()) {
          byte[] value = rs.getBytes(1);
          for (int hr = 100; hr < 180; hr++) {
            // (three ASCII digits occur by chance in ciphertext about once in 200,000 values: not tested)
            assertThat(contains(value, ByteBuffer.allocate(8).putDouble(hr).array())).isFalse();
          }
        }
      }
    }
  }

  @Test
  @Order(2)
  void rotationReencryptsEveryValueUnderTheNewKeyAndTheOldKeyCanThenGo() throws Exception {
    StoreCrypto rotated = crypto(new FieldCipher.Key("b", keyB), new FieldCipher.Key("a", keyA));
    ReEncryptor.Report first = new ReEncryptor(rotated.cipher()).run(db);
    assertThat(first.rewritten()).isEqualTo(first.seen()).isEqualTo(1 + READINGS * 3L + 1 + 2 + 1);
    assertThat(first.lines()).contains("biometric_data.value values=" + READINGS + " rewritten=" + READINGS);
    ReEncryptor.Report again = new ReEncryptor(rotated.cipher()).run(db);
    assertThat(again.rewritten()).as("idempotent").isZero();
    // the old key is gone: every value still opens with the new one alone
    FieldCipher onlyB = new FieldCipher(List.of(new FieldCipher.Key("b", keyB)));
    try (Connection c = SchemaMigratorTest.connect(db); Statement s = c.createStatement()) {
      for (EncryptedColumn col : EncryptedColumn.values()) {
        try (ResultSet rs = s.executeQuery("SELECT " + col.column() + " FROM " + col.table() + " WHERE " + col.column()
            + " IS NOT NULL")) {
          while (rs.next()) {
            assertThat(FieldCipher.keyId(col.table(), col.column(), rs.getBytes(1))).isEqualTo("b");
            assertThat(onlyB.decrypt(col, rs.getBytes(1))).isNotEmpty();
          }
        }
      }
      // lookups did not move: the hash comes from the lookup key, not from the rotated keys
      try (ResultSet rs = s.executeQuery("SELECT email_hash FROM fitness_users")) {
        rs.next();
        assertThat(rs.getBytes(1)).isEqualTo(hash.email(EMAIL));
      }
    }
    assertNoPlaintext();
  }

  @Test
  @Order(3)
  void aWrongKeyFailsLoudlyNamingTableColumnAndKeyAndChangesNothing() throws Exception {
    FieldCipher wrong = new FieldCipher(List.of(new FieldCipher.Key("b", keyA)));
    assertThatThrownBy(() -> new ReEncryptor(wrong).run(db))
        .isInstanceOf(FieldCipherException.class)
        .hasMessageContaining("fitness_users.email").hasMessageContaining("key id b");
    FieldCipher unknown = new FieldCipher(List.of(new FieldCipher.Key("c", keyA)));
    assertThatThrownBy(() -> new ReEncryptor(unknown).run(db))
        .isInstanceOf(FieldCipherException.class).hasMessageContaining("not configured");
  }

  /**
   * The cloud holds one device id once per gym: the upgrade and the rotation walk its devices by
   * (gym, device id) and give each gym's row its own value back.
   */
  @Test
  @Order(4)
  void inTheCloudTheSameDeviceIdOfTwoGymsKeepsEachGymsValue() throws Exception {
    PgUri cloud = new PgUri(db.host(), db.port(), db.database() + "_cloud", db.user(), db.password(), db.sslmode());
    PgUri server = new PgUri(db.host(), db.port(), "postgres", db.user(), db.password(), db.sslmode());
    try (Connection c = SchemaMigratorTest.connect(server); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloud.database() + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + cloud.database());
    }
    try {
      Flyway.configure(getClass().getClassLoader()).dataSource(cloud.jdbcUrl(), cloud.user(), cloud.password())
          .locations("classpath:db/common", "classpath:db/cloud").target("4.1").load().migrate();
      try (Connection c = SchemaMigratorTest.connect(cloud); Statement s = c.createStatement()) {
        for (int g = 1; g <= 3; g++) {
          s.execute("INSERT INTO devices (gym_id, device_id, kind, last_value) VALUES ('gym-" + g + "', '" + DEVICE
              + "', 'strap', '{\"heart_rate\": " + (100 + g) + "}')");
        }
      }
      StoreCrypto a = crypto(new FieldCipher.Key("a", keyA));
      SchemaMigrator.migrateBlocking(cloud, SchemaMigrator.Target.CLOUD, a);
      StoreCrypto rotated = crypto(new FieldCipher.Key("b", keyB), new FieldCipher.Key("a", keyA));
      assertThat(new ReEncryptor(rotated.cipher()).run(cloud).counts().get(EncryptedColumn.DEVICE_LAST_VALUE))
          .containsExactly(3, 3);
      try (Connection c = SchemaMigratorTest.connect(cloud); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT gym_id, last_value FROM devices ORDER BY gym_id")) {
        for (int g = 1; g <= 3; g++) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("gym-" + g);
          assertThat(rotated.cipher().decryptString(EncryptedColumn.DEVICE_LAST_VALUE, rs.getBytes(2)))
              .isEqualTo("{\"heart_rate\": " + (100 + g) + "}");
          assertThat(FieldCipher.keyId("devices", "last_value", rs.getBytes(2))).isEqualTo("b");
        }
      }
    } finally {
      try (Connection c = SchemaMigratorTest.connect(server); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + cloud.database() + " WITH (FORCE)");
      }
    }
  }

  static String type(Statement s, String table, String column) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_schema = "
        + "current_schema() AND table_name = '" + table + "' AND column_name = '" + column + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
