package com.clisonix.edge.gateway.profile;

import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.api.Vocabulary;
import com.clisonix.edge.sensor.bridge.DeviceIds;
import com.clisonix.edge.sensor.decode.ParseResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client may set on a profile: every settable column of the specification's
 * {@code fitness_users} table, with the contract's enumerations and the API's ranges, plus the
 * login {@code password} and, from an admin, the {@code role}. Everything is validated before
 * anything is written.
 */
public final class ProfileFields {
  /** Request field = column name; the only names that ever reach SQL. */
  static final Set<String> COLUMNS = Set.of("username", "email", "age", "gender", "height_cm", "weight_kg",
      "fitness_level", "primary_goal", "secondary_goals", "resting_heart_rate", "max_heart_rate", "vo2_max",
      "preferred_workout_time", "preferred_intensity", "workout_duration_minutes", "workouts_per_week",
      "linked_wearables", "camera_enabled", "microphone_enabled", "active");
  private static final Set<String> NULLABLE = Set.of("age", "gender", "height_cm", "weight_kg", "fitness_level",
      "primary_goal", "resting_heart_rate", "max_heart_rate", "vo2_max", "preferred_workout_time",
      "preferred_intensity", "workout_duration_minutes", "workouts_per_week");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

  /** The validated request: column values, and the account's password and role when given. */
  public record Parsed(Map<String, Object> columns, String password, String role) {}

  private ProfileFields() {}

  static String column(String field) {
    if (!COLUMNS.contains(field)) {
      throw new IllegalArgumentException("not a profile column: " + field);
    }
    return field;
  }

  /** @param creating true for a new profile: username and email are then required */
  public static Parsed parse(Fields f, boolean creating) {
    Map<String, Object> c = new LinkedHashMap<>();
    String username = creating ? f.requiredString("username", 3, 64) : f.string("username", 3, 64);
    if (username != null) {
      if (!USERNAME.matcher(username).matches()) {
        throw ApiException.validation("username", "username must be 3 to 64 of letters, digits, '.', '_' or '-'");
      }
      c.put("username", username);
    }
    String email = f.email("email");
    if (creating && email == null) {
      throw ApiException.validation("email", "email is required");
    }
    put(c, "email", email);
    put(c, "age", f.integer("age", 10, 120));
    put(c, "gender", f.enumValue("gender", Vocabulary.GENDER));
    put(c, "height_cm", f.number("height_cm", 50, 260));
    put(c, "weight_kg", f.number("weight_kg", 20, 400));
    put(c, "fitness_level", f.enumValue("fitness_level", Vocabulary.FITNESS_LEVEL));
    put(c, "primary_goal", f.enumValue("primary_goal", Vocabulary.GOAL));
    var goals = f.enumList("secondary_goals", Vocabulary.GOAL, 7);
    put(c, "secondary_goals", goals == null ? null : new JsonArray(goals));
    put(c, "resting_heart_rate", f.number("resting_heart_rate", 20, 300));
    put(c, "max_heart_rate", f.number("max_heart_rate", 20, 300));
    put(c, "vo2_max", f.number("vo2_max", 5, 100));
    put(c, "preferred_workout_time", f.string("preferred_workout_time", 1, 50));
    put(c, "preferred_intensity", f.enumValue("preferred_intensity", Vocabulary.INTENSITY));
    put(c, "workout_duration_minutes", f.integer("workout_duration_minutes", 1, 600));
    put(c, "workouts_per_week", f.integer("workouts_per_week", 0, 21));
    put(c, "linked_wearables", wearables(f.object("linked_wearables")));
    put(c, "camera_enabled", f.bool("camera_enabled"));
    put(c, "microphone_enabled", f.bool("microphone_enabled"));
    if (!creating) {
      put(c, "active", f.bool("active"));
    }
    Object rhr = c.get("resting_heart_rate");
    Object mhr = c.get("max_heart_rate");
    if (rhr != null && mhr != null && ((Double) rhr) >= ((Double) mhr)) {
      throw ApiException.validation("max_heart_rate", "max_heart_rate must be above resting_heart_rate");
    }
    if (!creating) {
      // an explicit null clears what may be unknown, e.g. a measured max_heart_rate to fall back to the estimate
      for (String k : NULLABLE) {
        if (f.present(k) && f.raw(k) == null) {
          c.put(k, null);
        }
      }
    }
    String password = f.string("password", 8, 256);
    String role = f.enumValue("role", Vocabulary.ROLE);
    return new Parsed(c, password, role);
  }

  /** Labels to device ids, each id normalised as the contract's section 1 says. */
  private static JsonObject wearables(JsonObject in) {
    if (in == null) {
      return null;
    }
    if (in.size() > 32) {
      throw ApiException.validation("linked_wearables", "linked_wearables may name at most 32 devices");
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : in) {
      if (e.getKey().isBlank() || e.getKey().length() > 64) {
        throw ApiException.validation("linked_wearables", "linked_wearables labels must be 1 to 64 characters");
      }
      if (!(e.getValue() instanceof String raw)) {
        throw ApiException.validation("linked_wearables", "linked_wearables." + e.getKey() + " must be a device id string");
      }
      ParseResult<com.clisonix.edge.sensor.bridge.DeviceId> id = DeviceIds.normalise(raw);
      if (id instanceof ParseResult.Parsed<com.clisonix.edge.sensor.bridge.DeviceId> p) {
        out.put(e.getKey(), p.value().value());
      } else {
        throw ApiException.validation("linked_wearables", "linked_wearables." + e.getKey()
            + " must be a MAC address or 1 to 64 of letters, digits, '_' or '-'");
      }
    }
    return out;
  }

  private static void put(Map<String, Object> c, String k, Object v) {
    if (v != null) {
      c.put(k, v);
    }
  }
}
