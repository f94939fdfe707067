package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.FieldCipher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key rotation's second half ({@code --reencrypt}): rewrites every encrypted value that is not
 * under the current key, in batches of {@value #BATCH} rows, each batch its own transaction, so an
 * interrupted run loses nothing and a second run finishes the job (values already current are
 * skipped: the command is idempotent). Each value is replaced only if it is still the one read, so
 * a gateway writing at the same time is never overwritten with an older value. Lookup hashes do not
 * change (they come from the lookup key, which is not rotated). JDBC and blocking: a command, not a
 * verticle.
 */
public final class ReEncryptor {
  static final int BATCH = 1000;

  /** Values seen and values rewritten, per encrypted column. */
  public record Report(Map<EncryptedColumn, long[]> counts) {
    public long rewritten() {
      return counts.values().stream().mapToLong(c -> c[1]).sum();
    }

    public long seen() {
      return counts.values().stream().mapToLong(c -> c[0]).sum();
    }

    /** One line per column: table.column values=N rewritten=M. */
    public String lines() {
      StringBuilder b = new StringBuilder();
      counts.forEach((c, n) -> b.append(c.table()).append('.').append(c.column()).append(" values=").append(n[0])
          .append(" rewritten=").append(n[1]).append('\n'));
      return b.toString();
    }
  }

  private final FieldCipher cipher;

  public ReEncryptor(FieldCipher cipher) {
    this.cipher = cipher;
  }

  /** Rewrites the store at {@code uri}; fails (naming table, column and key id) on a value no configured key opens. */
  public Report run(PgUri uri) throws SQLException {
    Map<EncryptedColumn, long[]> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password())) {
      for (EncryptedColumn col : EncryptedColumn.values()) {
        counts.put(col, column(c, col));
      }
    }
    return new Report(counts);
  }

  private long[] column(Connection c, EncryptedColumn col) throws SQLException {
    KeyPages key = KeyPages.of(c, col);
    String select = "SELECT " + key.selectList() + ", " + col.column() + " FROM " + col.table() + " WHERE " + key.after()
        + " AND " + col.column() + " IS NOT NULL ORDER BY " + key.orderBy() + " LIMIT " + BATCH;
    String update = "UPDATE " + col.table() + " SET " + col.column() + " = ? WHERE " + key.equals() + " AND "
        + col.column() + " = ?";
    long seen = 0;
    long rewritten = 0;
    Object[] last = null;
    c.setAutoCommit(false);
    try (PreparedStatement read = c.prepareStatement(select); PreparedStatement write = c.prepareStatement(update)) {
      int rows;
      do {
        key.bindAfter(read, last);
        rows = 0;
        int pending = 0;
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            rows++;
            last = key.read(rs);
            byte[] stored = rs.getBytes(key.size() + 1);
            if (cipher.isCurrent(stored)) {
              // still proves the value opens: a wrong key fails the run here instead of a reader later
              cipher.decrypt(col, stored);
              continue;
            }
            write.setBytes(1, cipher.encrypt(col, cipher.decrypt(col, stored)));
            key.bindKey(write, 2, last);
            write.setBytes(2 + key.size(), stored);
            write.addBatch();
            pending++;
          }
        }
        seen += rows;
        if (pending > 0) {
          rewritten += Arrays.stream(write.executeBatch()).filter(n -> n > 0).count();
        }
        c.commit();
      } while (rows == BATCH);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
    return new long[] {seen, rewritten};
  }
}
