package com.clisonix.edge.gateway.crypto;

import java.util.Optional;

/**
 * Every column stored as {@link FieldCipher} ciphertext ({@code bytea}), in the edge store and the
 * cloud store alike, with the kind of value inside and, for values that are looked up, the column
 * holding their {@link KeyedHash}. Re-encryption and the upgrade of plaintext rows walk this list.
 */
public enum EncryptedColumn {
  USER_EMAIL("fitness_users", "email", Kind.TEXT, "email_hash"),
  READING_VALUE("biometric_data", "value", Kind.NUMBER, null),
  READING_DEVICE_ID("biometric_data", "device_id", Kind.TEXT, "device_id_hash"),
  READING_RAW_DATA("biometric_data", "raw_data", Kind.JSON, null),
  EXERCISE_POSE_DATA("exercises", "pose_detection_data", Kind.JSON, null),
  COACHING_REQUEST("coaching_sessions", "request", Kind.JSON, null),
  COACHING_RESULT("coaching_sessions", "result", Kind.JSON, null),
  /** The last values a device sent (a heart rate, a power) for the devices list. */
  DEVICE_LAST_VALUE("devices", "last_value", Kind.JSON, null);

  /** What the plaintext bytes are. */
  public enum Kind {
    /** 8 bytes, IEEE 754 big-endian. */
    NUMBER,
    /** UTF-8 text. */
    TEXT,
    /** UTF-8 JSON text. */
    JSON
  }

  private final String table;
  private final String column;
  private final Kind kind;
  private final String hashColumn;

  EncryptedColumn(String table, String column, Kind kind, String hashColumn) {
    this.table = table;
    this.column = column;
    this.kind = kind;
    this.hashColumn = hashColumn;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> hashColumn() {
    return Optional.ofNullable(hashColumn);
  }

  /** The column that names a row of this column's table (re-encryption pages and updates by it). */
  public String keyColumn() {
    return "devices".equals(table) ? "device_id" : "id";
  }

  /** The SQL type of {@link #keyColumn()}. */
  public String keyType() {
    return "devices".equals(table) ? "text" : "uuid";
  }
}
