package com.clisonix.edge.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed, range-checked reading of a JSON request body. Each method returns null when the field is
 * absent (or JSON null) and throws a 400 {@link ApiException} naming the field when it is present
 * but wrong. Unknown fields are simply never read.
 */
public final class Fields {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");

  private final JsonObject body;

  private Fields(JsonObject body) {
    this.body = body;
  }

  /** The body of a request: must be a JSON object. */
  public static Fields of(io.vertx.ext.web.RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      return new Fields(new JsonObject());
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (io.vertx.core.json.DecodeException e) {
      throw ApiException.malformedJson("request body is not valid JSON");
    }
    if (!(parsed instanceof JsonObject obj)) {
      throw ApiException.malformedJson("request body must be a JSON object");
    }
    return new Fields(obj);
  }

  public static Fields of(JsonObject body) {
    return new Fields(body == null ? new JsonObject() : body);
  }

  public boolean has(String field) {
    return body.containsKey(field) && body.getValue(field) != null;
  }

  public boolean present(String field) {
    return body.containsKey(field);
  }

  public Object raw(String field) {
    return body.getValue(field);
  }

  public String string(String field, int minLength, int maxLength) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw ApiException.validation(field, field + " must be a string");
    }
    String t = s.trim();
    if (t.length() < minLength || t.length() > maxLength) {
      throw ApiException.validation(field, minLength == maxLength
          ? field + " must be " + minLength + " characters"
          : field + " must be between " + minLength + " and " + maxLength + " characters");
    }
    return t;
  }

  public String requiredString(String field, int minLength, int maxLength) {
    String s = string(field, minLength, maxLength);
    if (s == null) {
      throw ApiException.validation(field, field + " is required");
    }
    return s;
  }

  public String email(String field) {
    String s = string(field, 3, 320);
    if (s != null && !EMAIL.matcher(s).matches()) {
      throw ApiException.validation(field, field + " must be an email address");
    }
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  public String enumValue(String field, Set<String> allowed) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || !allowed.contains(s)) {
      throw ApiException.validation(field, field + " must be one of " + sorted(allowed));
    }
    return s;
  }

  public Integer integer(String field, int min, int max) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
      throw ApiException.validation(field, field + " must be a whole number between " + min + " and " + max);
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw ApiException.validation(field, field + " must be between " + min + " and " + max);
    }
    return (int) d;
  }

  public Double number(String field, double min, double max) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
      throw ApiException.validation(field, field + " must be a number between " + fmt(min) + " and " + fmt(max));
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw ApiException.validation(field, field + " must be between " + fmt(min) + " and " + fmt(max));
    }
    return d;
  }

  public Boolean bool(String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw ApiException.validation(field, field + " must be true or false");
    }
    return b;
  }

  public List<String> enumList(String field, Set<String> allowed, int maxItems) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray arr) || arr.size() > maxItems) {
      throw ApiException.validation(field, field + " must be a list of at most " + maxItems + " of " + sorted(allowed));
    }
    List<String> out = new ArrayList<>();
    for (Object o : arr) {
      if (!(o instanceof String s) || !allowed.contains(s)) {
        throw ApiException.validation(field, field + " must contain only " + sorted(allowed));
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  public List<String> stringList(String field, int maxItems, int maxLength) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray arr) || arr.size() > maxItems) {
      throw ApiException.validation(field, field + " must be a list of at most " + maxItems + " strings");
    }
    List<String> out = new ArrayList<>();
    for (Object o : arr) {
      if (!(o instanceof String s) || s.isBlank() || s.length() > maxLength) {
        throw ApiException.validation(field, field + " must contain strings of 1 to " + maxLength + " characters");
      }
      out.add(s.trim());
    }
    return out;
  }

  public JsonObject object(String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      throw ApiException.validation(field, field + " must be a JSON object");
    }
    return o;
  }

  public Instant instant(String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        // fall through to the error
      }
    }
    throw ApiException.validation(field, field + " must be an ISO-8601 instant such as 2024-01-15T06:15:30Z");
  }

  public UUID uuid(String field) {
    String s = string(field, 36, 36);
    return s == null ? null : Fields.uuid(field, s);
  }

  public static UUID uuid(String field, String text) {
    try {
      if (text != null && text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiException.validation(field, field + " must be a UUID");
  }

  /** A path parameter that must be a UUID; anything else cannot name a stored row, so 404. */
  public static UUID pathId(io.vertx.ext.web.RoutingContext ctx, String param, String what) {
    String s = ctx.pathParam(param);
    try {
      if (s != null && s.length() == 36) {
        return UUID.fromString(s);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiException.notFound(what);
  }

  /** A query parameter bounded to [min, max], with a default. */
  public static int queryInt(io.vertx.ext.web.RoutingContext ctx, String param, int def, int min, int max) {
    String s = ctx.queryParams().get(param);
    if (s == null || s.isBlank()) {
      return def;
    }
    try {
      int v = Integer.parseInt(s.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw ApiException.validation(param, param + " must be a whole number between " + min + " and " + max);
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
