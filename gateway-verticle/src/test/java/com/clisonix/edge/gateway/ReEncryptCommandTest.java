package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.gateway.store.SchemaMigrator;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reencrypt} as an operator runs it after a rotation: rows written under key A, keys
 * "B,A", the command rewrites everything under B (exit 0, counts printed), a second run rewrites
 * nothing, and then B alone reads every value.
 */
@RealServices
class ReEncryptCommandTest {
  static final int READINGS = 1_234;

  static String key(long seed) {
    byte[] k = new byte[32];
    new Random(seed).nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  static final String A = "A:" + key(21);
  static final String B = "B:" + key(22);

  Path config(Path dir, PostgresService pg, String keys) throws Exception {
    // JSON is YAML: the same tree the tests use, with this run's keys
    JsonObject tree = new JsonObject()
        .put("edge_db", new JsonObject().put("uri", pg.uri()))
        // the whole gateway configuration, as an operator passes it; the command connects to the stores only
        .put("mqtt", new JsonObject().put("uri", "mqtt://127.0.0.1:1883"))
        .put("auth", new JsonObject().put("jwt_secret", GatewayTestConfig.JWT_SECRET)
            .put("admin_password", GatewayTestConfig.ADMIN_PASSWORD))
        .put("encryption", new JsonObject().put("keys", keys).put("lookup_key", GatewayTestConfig.LOOKUP_KEY));
    Path file = dir.resolve("gateway-" + UUID.randomUUID() + ".yaml");
    Files.writeString(file, tree.encodePrettily());
    return file;
  }

  static FieldCipher cipher(String... keys) {
    return new FieldCipher(java.util.Arrays.stream(keys).map(k -> new FieldCipher.Key(k.substring(0, k.indexOf(':')),
        Base64.getDecoder().decode(k.substring(k.indexOf(':') + 1)))).toList());
  }

  /** Runs the command as {@code main} would and returns its exit code and what it printed. */
  static Object[] run(Path config) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream to = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(to);
    System.setErr(to);
    try {
      StringBuilder error = new StringBuilder();
      CommandLine cli = CommandLine.parse(new String[] {"--reencrypt", "--config", config.toString()}, error).orElseThrow();
      assertThat(cli.reencrypt()).isTrue();
      return new Object[] {Main.reencrypt(cli), captured.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void rotationFromAToBRewritesEveryValueAndBAloneThenReadsThem(PostgresService pg, @TempDir Path dir) throws Exception {
    PgUri uri = PgUri.parse("edge_db.uri", pg.uri());
    StoreCrypto underA = new StoreCrypto(cipher(A), GatewayTestConfig.crypto().hash());
    SchemaMigrator.migrateBlocking(uri, SchemaMigrator.Target.EDGE, underA);
    UUID user = UUID.randomUUID();
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password())) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO fitness_users (id, user_id, username, email, email_hash) "
          + "VALUES (?, ?, 'rotating', ?, ?)")) {
        p.setObject(1, user);
        p.setString(2, user.toString());
        p.setBytes(3, underA.cipher().encryptString(EncryptedColumn.USER_EMAIL, "rotating@example.test"));
        p.setBytes(4, underA.hash().email("rotating@example.test"));
        p.execute();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, "
          + "measurement_time) VALUES (gen_random_uuid(), ?, 'heart_rate', ?, 'bpm', now())")) {
        for (int i = 0; i < READINGS; i++) {
          p.setObject(1, user);
          p.setBytes(2, underA.cipher().encryptDouble(EncryptedColumn.READING_VALUE, 100.0 + i % 50));
          p.addBatch();
        }
        p.executeBatch();
      }
    }

    Object[] first = run(config(dir, pg, B + "," + A));
    assertThat(first[0]).as(first[1].toString()).isEqualTo(0);
    assertThat(first[1].toString())
        .contains("reencrypt edge biometric_data.value values=" + READINGS + " rewritten=" + READINGS)
        .contains("reencrypt edge fitness_users.email values=1 rewritten=1")
        .contains("reencrypt edge done key=B values=" + (READINGS + 1) + " rewritten=" + (READINGS + 1));

    Object[] again = run(config(dir, pg, B + "," + A));
    assertThat(again[0]).isEqualTo(0);
    assertThat(again[1].toString()).as("idempotent").contains("done key=B values=" + (READINGS + 1) + " rewritten=0");

    Object[] onlyB = run(config(dir, pg, B));
    assertThat(onlyB[0]).as("A is no longer needed: " + onlyB[1]).isEqualTo(0);
    FieldCipher b = cipher(B);
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password());
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT value FROM biometric_data")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertThat(FieldCipher.keyId("biometric_data", "value", rs.getBytes(1))).isEqualTo("B");
        assertThat(b.decryptDouble(EncryptedColumn.READING_VALUE, rs.getBytes(1))).isBetween(100.0, 149.0);
      }
      assertThat(n).isEqualTo(READINGS);
    }

    Object[] wrong = run(config(dir, pg, "B:" + key(99)));
    assertThat(wrong[0]).as("a wrong key fails the command").isEqualTo(1);
    assertThat(wrong[1].toString()).contains("re-encryption failed").contains("key id B").contains("fitness_users.email");
    assertThat(List.of(CommandLine.USAGE.split("\n"))).anyMatch(l -> l.contains("--reencrypt"));
  }
}
