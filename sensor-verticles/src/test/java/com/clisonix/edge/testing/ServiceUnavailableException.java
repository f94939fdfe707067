package com.clisonix.edge.testing;

/** No way to provide a service worked; the message says how to provide one. */
public final class ServiceUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ServiceKind kind;

  public ServiceUnavailableException(ServiceKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ServiceUnavailableException(ServiceKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public ServiceKind kind() {
    return kind;
  }
}
