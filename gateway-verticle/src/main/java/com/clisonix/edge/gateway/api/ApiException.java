package com.clisonix.edge.gateway.api;

import io.vertx.core.json.JsonObject;

/**
 * A request the API refuses, with the contract's error shape:
 * {@code {"success": false, "error": {"code", "message", "field"}}}. Thrown before anything is
 * written, so a rejected request changes nothing.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Integer retryAfterSeconds;

  public ApiException(int status, String code, String message, String field, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException validation(String field, String message) {
    return new ApiException(400, "validation_failed", message, field, null);
  }

  public static ApiException malformedJson(String message) {
    return new ApiException(400, "malformed_json", message, null, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, null, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, null, null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found", null, null);
  }

  public static ApiException conflict(String field, String message) {
    return new ApiException(409, "conflict", message, field, null);
  }

  public static ApiException tooLarge(int limit) {
    return new ApiException(413, "payload_too_large", "request body larger than " + limit + " bytes", null, null);
  }

  public static ApiException rateLimited(String message, int retryAfterSeconds) {
    return new ApiException(429, "rate_limited", message, null, retryAfterSeconds);
  }

  /** The edge store is at its retention limit under a policy that refuses new data; the message names the limit. */
  public static ApiException insufficientStorage(String message) {
    return new ApiException(507, "insufficient_storage", message, null, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public JsonObject toJson() {
    JsonObject error = new JsonObject().put("code", code).put("message", getMessage());
    if (field != null) {
      error.put("field", field);
    }
    return new JsonObject().put("success", false).put("error", error);
  }
}
