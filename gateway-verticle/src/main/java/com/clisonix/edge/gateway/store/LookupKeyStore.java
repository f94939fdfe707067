package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The lookup key of a box that is not given one ({@code encryption.lookup_key} unset): generated
 * once, kept in the edge store encrypted under the data keys, and read back at every start, so
 * keyed hashes of emails and device ids stay stable for the life of the store and every box of a
 * gym's cluster (one shared edge store) uses the same key. {@code --reencrypt} re-wraps it under
 * the current data key with the rest.
 *
 * <p>The table is created here, before the schema migrations, because the migration that
 * encrypts an older store's rows needs the key to hash them; it lives in a schema of its own so
 * the migrations still find an empty {@code public} schema on a new store. JDBC and blocking: call
 * it from a worker or a command.
 */
public final class LookupKeyStore {
  /** Its own schema: created before Flyway's first run, which expects an empty public schema. */
  static final String SCHEMA = "clisonix_keys";
  static final String TABLE = "store_secrets";
  static final String COLUMN = "value";
  private static final String NAME = "lookup_key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LookupKeyStore() {
  }

  /** The stored key, generated and stored first when there is none; the same for concurrent callers. */
  public static byte[] resolve(PgUri uri, FieldCipher cipher) throws SQLException {
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password())) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // boxes of one gym starting together: CREATE ... IF NOT EXISTS alone is not safe against itself
        s.execute("SELECT pg_advisory_xact_lock(hashtext('" + SCHEMA + "." + TABLE + "'))");
        s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        s.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + "." + TABLE + " (name text PRIMARY KEY, " + COLUMN
            + " bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
      }
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + SCHEMA + "." + TABLE + " (name, " + COLUMN
          + ") VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        insert.setString(1, NAME);
        insert.setBytes(2, cipher.encrypt(TABLE, COLUMN, fresh));
        insert.executeUpdate();
      }
      byte[] stored = read(c);
      c.commit();
      return cipher.decrypt(TABLE, COLUMN, stored);
    }
  }

  /**
   * Re-wraps a stored key under the cipher's current key; false when there is none or it is
   * current already. The key itself does not change.
   */
  public static boolean rewrap(PgUri uri, FieldCipher cipher) throws SQLException {
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password())) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT to_regclass('" + SCHEMA + "." + TABLE + "') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return false;
        }
      }
      byte[] stored;
      try {
        stored = read(c);
      } catch (SQLException none) {
        return false;
      }
      if (cipher.isCurrent(stored)) {
        return false;
      }
      byte[] key = cipher.decrypt(TABLE, COLUMN, stored);
      try (PreparedStatement update = c.prepareStatement("UPDATE " + SCHEMA + "." + TABLE + " SET " + COLUMN + " = ? WHERE name = ? AND "
          + COLUMN + " = ?")) {
        update.setBytes(1, cipher.encrypt(TABLE, COLUMN, key));
        update.setString(2, NAME);
        update.setBytes(3, stored);
        return update.executeUpdate() == 1;
      }
    }
  }

  private static byte[] read(Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMN + " FROM " + SCHEMA + "." + TABLE + " WHERE name = ?")) {
      select.setString(1, NAME);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no stored lookup key");
        }
        return rs.getBytes(1);
      }
    }
  }
}
