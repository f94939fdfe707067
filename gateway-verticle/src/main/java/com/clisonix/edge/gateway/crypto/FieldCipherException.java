package com.clisonix.edge.gateway.crypto;

/** A stored value that cannot be encrypted or opened, named by where it lives and which key it names. */
public final class FieldCipherException extends RuntimeException {
  private final String table;
  private final String column;
  private final String keyId;

  public FieldCipherException(String table, String column, String keyId, String reason, Throwable cause) {
    super(table + "." + column + " (key id " + keyId + "): " + reason, cause);
    this.table = table;
    this.column = column;
    this.keyId = keyId;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  public String keyId() {
    return keyId;
  }
}
