package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Version 5, both stores: every {@link EncryptedColumn} becomes {@code bytea} ciphertext under its
 * own name, and emails and device ids get their keyed-hash column. SQL cannot encrypt, so this
 * migration is Java: it adds the new columns, encrypts the existing rows in batches of
 * {@value #BATCH} (an installation from before version 5 has plaintext rows), then drops the
 * plaintext columns and gives the ciphertext columns their names. Flyway runs it in one
 * transaction: a failure leaves the plaintext schema as it was. The per-store indexes on the hash
 * columns follow in {@code V5_1} (edge: unique; cloud: per gym).
 */
public final class V5__Encrypt_at_rest extends BaseJavaMigration {
  static final int BATCH = 1000;

  private final StoreCrypto crypto;

  /** @param crypto null only where the store is known to hold no rows yet (tests of the schema) */
  public V5__Encrypt_at_rest(StoreCrypto crypto) {
    this.crypto = crypto;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    Map<String, List<EncryptedColumn>> byTable = new LinkedHashMap<>();
    for (EncryptedColumn col : EncryptedColumn.values()) {
      byTable.computeIfAbsent(col.table(), t -> new ArrayList<>()).add(col);
    }
    for (Map.Entry<String, List<EncryptedColumn>> e : byTable.entrySet()) {
      migrateTable(c, e.getKey(), e.getValue());
    }
  }

  private void migrateTable(Connection c, String table, List<EncryptedColumn> cols) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (EncryptedColumn col : cols) {
        s.execute("ALTER TABLE " + table + " ADD COLUMN " + col.column() + "_enc bytea");
        if (col.hashColumn().isPresent()) {
          s.execute("ALTER TABLE " + table + " ADD COLUMN " + col.hashColumn().get() + " bytea");
        }
      }
    }
    KeyPages key = KeyPages.of(c, cols.get(0));
    StringBuilder select = new StringBuilder("SELECT " + key.selectList());
    StringBuilder update = new StringBuilder("UPDATE " + table + " SET ");
    int n = 0;
    for (EncryptedColumn col : cols) {
      select.append(", ").append(col.column()).append(col.kind() == EncryptedColumn.Kind.NUMBER ? "" : "::text");
      update.append(n++ == 0 ? "" : ", ").append(col.column()).append("_enc = ?");
      if (col.hashColumn().isPresent()) {
        update.append(", ").append(col.hashColumn().get()).append(" = ?");
      }
    }
    select.append(" FROM ").append(table).append(" WHERE ").append(key.after()).append(" ORDER BY ")
        .append(key.orderBy()).append(" LIMIT ").append(BATCH);
    update.append(" WHERE ").append(key.equals());
    Object[] last = null;
    try (PreparedStatement read = c.prepareStatement(select.toString());
        PreparedStatement write = c.prepareStatement(update.toString())) {
      int rows;
      do {
        key.bindAfter(read, last);
        rows = 0;
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            rows++;
            last = key.read(rs);
            int p = 1;
            for (int i = 0; i < cols.size(); i++) {
              EncryptedColumn col = cols.get(i);
              byte[] plain = plaintext(rs, key.size() + 1 + i, col);
              write.setBytes(p++, plain == null ? null : requireCrypto(table).cipher().encrypt(col, plain));
              if (col.hashColumn().isPresent()) {
                write.setBytes(p++, plain == null ? null
                    : requireCrypto(table).hash().of(col, new String(plain, StandardCharsets.UTF_8)));
              }
            }
            key.bindKey(write, p, last);
            write.addBatch();
          }
        }
        if (rows > 0) {
          write.executeBatch();
        }
      } while (rows == BATCH);
    }
    List<String> notNull = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? AND is_nullable = 'NO'")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          notNull.add(rs.getString(1));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (EncryptedColumn col : cols) {
        s.execute("ALTER TABLE " + table + " DROP COLUMN " + col.column());
        s.execute("ALTER TABLE " + table + " RENAME COLUMN " + col.column() + "_enc TO " + col.column());
        if (notNull.contains(col.column())) {
          s.execute("ALTER TABLE " + table + " ALTER COLUMN " + col.column() + " SET NOT NULL");
          if (col.hashColumn().isPresent()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + col.hashColumn().get() + " SET NOT NULL");
          }
        }
      }
    }
  }

  private StoreCrypto requireCrypto(String table) {
    if (crypto == null) {
      throw new IllegalStateException("table " + table + " holds plaintext rows to encrypt, but no encryption keys "
          + "were given to the migration");
    }
    return crypto;
  }

  private static byte[] plaintext(ResultSet rs, int index, EncryptedColumn col) throws SQLException {
    if (col.kind() == EncryptedColumn.Kind.NUMBER) {
      double v = rs.getDouble(index);
      return rs.wasNull() ? null : ByteBuffer.allocate(8).putDouble(v).array();
    }
    String s = rs.getString(index);
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }
}
