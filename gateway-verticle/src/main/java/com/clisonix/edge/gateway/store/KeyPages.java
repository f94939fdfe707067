package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the upgrade and re-encryption walk a table in pages: by its key, first page without a lower
 * bound, each next one after the last key seen. In the cloud, {@code devices} is keyed by gym and
 * device id (one device id can exist in several gyms), so its key is the pair there.
 */
final class KeyPages {
  private final List<String> columns = new ArrayList<>();
  private final List<String> types = new ArrayList<>();

  private KeyPages() {}

  static KeyPages of(Connection c, EncryptedColumn col) throws SQLException {
    KeyPages k = new KeyPages();
    if (!"id".equals(col.keyColumn()) && hasColumn(c, col.table(), "gym_id")) {
      k.columns.add("gym_id");
      k.types.add("text");
    }
    k.columns.add(col.keyColumn());
    k.types.add(col.keyType());
    return k;
  }

  private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema = "
        + "current_schema() AND table_name = ? AND column_name = ?")) {
      p.setString(1, table);
      p.setString(2, column);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  int size() {
    return columns.size();
  }

  /** The key columns, cast, for the select list. */
  String selectList() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(columns.get(i) + "::" + types.get(i));
    }
    return String.join(", ", out);
  }

  /** Rows after the last key: parameters are the first key part, then every key part. */
  String after() {
    List<String> params = new ArrayList<>();
    for (String t : types) {
      params.add("?::" + t);
    }
    return "(?::" + types.get(0) + " IS NULL OR (" + String.join(", ", columns) + ") > (" + String.join(", ", params) + "))";
  }

  String orderBy() {
    return String.join(", ", columns);
  }

  /** One row by its key. */
  String equals() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(columns.get(i) + " = ?::" + types.get(i));
    }
    return String.join(" AND ", out);
  }

  /** Binds {@link #after()} for the page after {@code last} (null: the first page). */
  void bindAfter(PreparedStatement p, Object[] last) throws SQLException {
    p.setObject(1, last == null ? null : last[0]);
    for (int i = 0; i < columns.size(); i++) {
      p.setObject(2 + i, last == null ? null : last[i]);
    }
  }

  /** Binds {@link #equals()} from parameter {@code first} on. */
  void bindKey(PreparedStatement p, int first, Object[] key) throws SQLException {
    for (int i = 0; i < key.length; i++) {
      p.setObject(first + i, key[i]);
    }
  }

  /** The key of the current row (its first {@link #size()} columns). */
  Object[] read(ResultSet rs) throws SQLException {
    Object[] out = new Object[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rs.getObject(1 + i);
    }
    return out;
  }
}
