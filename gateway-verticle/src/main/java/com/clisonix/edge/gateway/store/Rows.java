package com.clisonix.edge.gateway.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Rows as the API's JSON: UUIDs as strings, times as ISO-8601 instants in UTC, JSON as JSON. */
public final class Rows {
  private Rows() {}

  public static JsonObject toJson(Row row) {
    JsonObject out = new JsonObject();
    for (int i = 0; i < row.size(); i++) {
      out.put(row.getColumnName(i), value(row.getValue(i)));
    }
    return out;
  }

  public static JsonArray toJson(RowSet<Row> rows) {
    JsonArray out = new JsonArray();
    for (Row r : rows) {
      out.add(toJson(r));
    }
    return out;
  }

  public static Object value(Object v) {
    if (v instanceof UUID u) {
      return u.toString();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC).toString();
    }
    if (v instanceof Object[] arr) {
      JsonArray a = new JsonArray();
      for (Object o : arr) {
        a.add(value(o));
      }
      return a;
    }
    return v;
  }

  /** A bytea column's bytes, or null. */
  public static byte[] bytes(Row row, String column) {
    io.vertx.core.buffer.Buffer b = row.getBuffer(column);
    return b == null ? null : b.getBytes();
  }

  /** Bytes as a bytea parameter (null stays null). */
  public static io.vertx.core.buffer.Buffer buffer(byte[] bytes) {
    return bytes == null ? null : io.vertx.core.buffer.Buffer.buffer(bytes);
  }

  /** An encrypted column's value opened as the API shows it: a number, text, or JSON. */
  public static Object decrypted(com.clisonix.edge.gateway.crypto.FieldCipher cipher,
      com.clisonix.edge.gateway.crypto.EncryptedColumn column, byte[] stored) {
    if (stored == null) {
      return null;
    }
    return switch (column.kind()) {
      case NUMBER -> cipher.decryptDouble(column, stored);
      case TEXT -> cipher.decryptString(column, stored);
      case JSON -> io.vertx.core.json.Json.decodeValue(cipher.decryptString(column, stored));
    };
  }

  /** The unique index a failed insert or update violated, or null for any other failure. */
  public static String uniqueViolation(Throwable err) {
    if (err instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      String c = pg.getConstraint();
      if (c != null) {
        return c;
      }
      String detail = pg.getDetail() == null ? "" : pg.getDetail();
      return detail.isEmpty() ? "unknown" : detail;
    }
    return null;
  }
}
