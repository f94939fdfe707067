package com.clisonix.edge.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every range, enumeration and type the API checks, broken JSON, oversized bodies and duplicates:
 * each refused in the contract's error shape naming the field, and with not one row written.
 */
class ValidationTest extends ApiTestBase {
  String user;
  String workout;
  String ended;

  @BeforeAll
  void targets() {
    user = profile(new JsonObject().put("age", 40));
    workout = startWorkout(user);
    String other = profile(new JsonObject());
    ended = startWorkout(other);
    assertThat(api.put("/fitness/workouts/" + ended + "/end", adminToken, new JsonObject()).status()).isEqualTo(200);
  }

  /** A profile body that is valid, plus one change. */
  static JsonObject profileWith(String field, Object value) {
    String name = unique("v");
    return new JsonObject().put("username", name).put("email", name + "@example.test").put(field, value);
  }

  static JsonObject workoutWith(String field, Object value) {
    return new JsonObject().put("name", "Run").put("workout_type", "cardio").put(field, value);
  }

  static JsonObject readingWith(String field, Object value) {
    return new JsonObject().put("biometric_type", "heart_rate").put("value", 120).put(field, value);
  }

  Stream<Arguments> invalidBodies() {
    String profiles = "/fitness/users/profile";
    String update = "/fitness/users/" + user + "/profile";
    String start = "/fitness/users/" + user + "/workouts";
    String end = "/fitness/workouts/" + workout + "/end";
    String exercise = "/fitness/workouts/" + workout + "/exercises";
    String reading = "/fitness/users/" + user + "/biometrics";
    List<Arguments> a = new ArrayList<>();
    // profile ranges, both sides
    for (Object[] c : new Object[][] {{"age", 9}, {"age", 121}, {"age", 30.5}, {"age", "30"},
        {"height_cm", 49.9}, {"height_cm", 260.1}, {"weight_kg", 19.9}, {"weight_kg", 400.1}, {"weight_kg", "80"},
        {"resting_heart_rate", 19}, {"resting_heart_rate", 301}, {"max_heart_rate", 19}, {"max_heart_rate", 301},
        {"vo2_max", 4}, {"vo2_max", 101}, {"workout_duration_minutes", 0}, {"workout_duration_minutes", 601},
        {"workouts_per_week", -1}, {"workouts_per_week", 22}, {"preferred_workout_time", ""},
        // enumerations are case-sensitive
        {"gender", "m"}, {"gender", "male"}, {"fitness_level", "Beginner"}, {"fitness_level", "pro"},
        {"primary_goal", "cardio"}, {"secondary_goals", new JsonArray().add("strength").add("tanning")},
        {"secondary_goals", "strength"}, {"preferred_intensity", "extreme"}, {"role", "superuser"},
        // types and formats
        {"camera_enabled", "yes"}, {"microphone_enabled", 1}, {"linked_wearables", "watch"},
        {"linked_wearables", new JsonObject().put("watch", 5)},
        {"linked_wearables", new JsonObject().put("watch", "not a device id!")},
        {"username", "a b"}, {"username", "ab"}, {"username", 42}, {"email", "not-an-email"}, {"email", "a@b"},
        {"password", "short"}}) {
      a.add(Arguments.of("create " + c[0] + "=" + c[1], HttpMethod.POST, profiles, profileWith((String) c[0], c[1]),
          c[0]));
      if (!c[0].equals("username") || !(c[1] instanceof String)) {
        a.add(Arguments.of("update " + c[0] + "=" + c[1], HttpMethod.PUT, update, new JsonObject().put((String) c[0], c[1]),
            c[0]));
      }
    }
    a.add(Arguments.of("create without username", HttpMethod.POST, profiles,
        new JsonObject().put("email", unique("x") + "@example.test"), "username"));
    a.add(Arguments.of("create without email", HttpMethod.POST, profiles,
        new JsonObject().put("username", unique("x")), "email"));
    a.add(Arguments.of("resting above max", HttpMethod.POST, profiles,
        profileWith("resting_heart_rate", 80).put("max_heart_rate", 70), "max_heart_rate"));
    // workouts
    for (Object[] c : new Object[][] {{"workout_type", "run"}, {"workout_type", "Cardio"}, {"intensity", "extreme"},
        {"mood_before", "happy"}, {"energy_before", 0}, {"energy_before", 11}, {"energy_before", 5.5}, {"name", ""},
        {"name", 7}, {"location", ""}}) {
      a.add(Arguments.of("start " + c[0] + "=" + c[1], HttpMethod.POST, start, workoutWith((String) c[0], c[1]), c[0]));
    }
    a.add(Arguments.of("start without workout_type", HttpMethod.POST, start, new JsonObject().put("name", "Run"),
        "workout_type"));
    a.add(Arguments.of("start without name", HttpMethod.POST, start, new JsonObject().put("workout_type", "cardio"),
        "name"));
    for (Object[] c : new Object[][] {{"mood_after", "meh"}, {"energy_after", 0}, {"energy_after", 11},
        {"pain_level", -1}, {"pain_level", 11}, {"completed", "yes"}, {"notes", 5}}) {
      a.add(Arguments.of("end " + c[0] + "=" + c[1], HttpMethod.PUT, end, new JsonObject().put((String) c[0], c[1]), c[0]));
    }
    for (Object[] c : new Object[][] {{"sets", -1}, {"sets", 1001}, {"reps", -1}, {"weight_kg", -0.5},
        {"weight_kg", 1000.5}, {"duration_seconds", 86_401}, {"distance_m", -1}, {"difficulty_rating", 0},
        {"difficulty_rating", 11}, {"muscle_groups", "chest"}, {"muscle_groups", new JsonArray().add(1)},
        {"name", ""}}) {
      a.add(Arguments.of("exercise " + c[0] + "=" + c[1], HttpMethod.POST, exercise,
          new JsonObject().put("name", "squat").put((String) c[0], c[1]), c[0]));
    }
    a.add(Arguments.of("exercise without name", HttpMethod.POST, exercise, new JsonObject().put("sets", 3), "name"));
    // readings
    for (Object[] c : new Object[][] {{"value", 19.9}, {"value", 300.1}, {"value", "150"}, {"unit", "kcal"},
        {"context", "gym"}, {"context", "Workout"}, {"device_type", "fridge"}, {"confidence_score", 1.5},
        {"confidence_score", -0.1}, {"measured_at", Instant.now().minusSeconds(25 * 3600).toString()},
        {"measured_at", Instant.now().plusSeconds(600).toString()}, {"measured_at", "yesterday"},
        {"device_id", "not a device id!"}, {"biometric_type", "mood"}, {"biometric_type", "HEART_RATE"}}) {
      a.add(Arguments.of("reading " + c[0] + "=" + c[1], HttpMethod.POST, reading, readingWith((String) c[0], c[1]),
          c[0]));
    }
    a.add(Arguments.of("reading without value", HttpMethod.POST, reading,
        new JsonObject().put("biometric_type", "heart_rate"), "value"));
    a.add(Arguments.of("reading of another type out of its range", HttpMethod.POST, reading,
        new JsonObject().put("biometric_type", "respiratory_rate").put("value", 500), "value"));
    a.add(Arguments.of("class without name", HttpMethod.POST, "/fitness/classes", new JsonObject(), "name"));
    a.add(Arguments.of("short new password", HttpMethod.PUT, "/fitness/users/" + user + "/password",
        new JsonObject().put("new_password", "1234567"), "new_password"));
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void invalidValueIs400NamingTheFieldAndWritesNothing(String label, HttpMethod method, String path, JsonObject body,
      String field) {
    Map<String, Long> before = rowCounts();
    Res res = api.send(method, path, adminToken, body);
    assertThat(res.status()).as("%s: %s", label, res).isEqualTo(400);
    assertThat(res.json().getBoolean("success")).isFalse();
    assertThat(res.error().getString("code")).isEqualTo("validation_failed");
    assertThat(res.error().getString("field")).isEqualTo(field);
    assertThat(res.error().getString("message")).contains(field);
    assertThat(rowCounts()).as("nothing written").isEqualTo(before);
  }

  @Test
  void boundariesAreAccepted() {
    Res low = api.post("/fitness/users/profile", adminToken, profileWith("age", 10).put("height_cm", 50)
        .put("weight_kg", 20).put("resting_heart_rate", 20).put("max_heart_rate", 300).put("workouts_per_week", 0));
    assertThat(low.status()).as(low.toString()).isEqualTo(201);
    Res high = api.post("/fitness/users/profile", adminToken, profileWith("age", 120).put("height_cm", 260)
        .put("weight_kg", 400).put("vo2_max", 100).put("workout_duration_minutes", 600).put("workouts_per_week", 21));
    assertThat(high.status()).as(high.toString()).isEqualTo(201);
    for (int hr : new int[] {20, 300}) {
      Res r = api.post("/fitness/users/" + user + "/biometrics", adminToken, readingWith("unit", "bpm").put("value", hr));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    for (int energy : new int[] {1, 10}) {
      String u = profile(new JsonObject());
      Res r = api.post("/fitness/users/" + u + "/workouts", adminToken, workoutWith("energy_before", energy));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
  }

  @Test
  void queryParametersAreCheckedToo() {
    for (String q : List.of("/fitness/users/" + user + "/workouts?limit=0", "/fitness/users/" + user + "/workouts?limit=101",
        "/fitness/users/" + user + "/workouts?limit=ten", "/fitness/users/" + user + "/biometrics?limit=1001",
        "/fitness/users?limit=0")) {
      Res res = api.get(q, adminToken);
      assertThat(res.status()).as(q).isEqualTo(400);
      assertThat(res.error().getString("field")).isEqualTo("limit");
    }
    Res type = api.get("/fitness/users/" + user + "/biometrics?biometric_type=mood", adminToken);
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.error().getString("field")).isEqualTo("biometric_type");
  }

  @Test
  void malformedJsonIs400MalformedJsonAndWritesNothing() {
    Map<String, Long> before = rowCounts();
    for (String body : List.of("{\"username\": ", "not json", "[1, 2]", "\"a string\"", "42")) {
      for (String path : List.of("/fitness/users/profile", "/fitness/users/" + user + "/workouts",
          "/fitness/users/" + user + "/biometrics", "/fitness/workouts/" + workout + "/exercises",
          "/fitness/classes")) {
        Res res = api.post(path, adminToken, body);
        assertThat(res.status()).as("%s <- %s: %s", path, body, res).isEqualTo(400);
        assertThat(res.error().getString("code")).isEqualTo("malformed_json");
        assertThat(res.json().getBoolean("success")).isFalse();
      }
      Res token = api.post("/fitness/auth/token", null, body);
      assertThat(token.status()).isEqualTo(400);
      assertThat(token.error().getString("code")).isEqualTo("malformed_json");
    }
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void bodyOver64KiBIs413AndWritesNothing() {
    Map<String, Long> before = rowCounts();
    String name = unique("big");
    String big = new JsonObject().put("username", name).put("email", name + "@example.test")
        .put("padding", "x".repeat(64 * 1024)).encode();
    Res res = api.post("/fitness/users/profile", adminToken, big);
    assertThat(res.status()).as(res.toString()).isEqualTo(413);
    assertThat(res.error().getString("code")).isEqualTo("payload_too_large");
    Res reading = api.post("/fitness/users/" + user + "/biometrics", adminToken, readingWith("padding", "x".repeat(70_000)));
    assertThat(reading.status()).isEqualTo(413);
    assertThat(rowCounts()).isEqualTo(before);
    // just under the limit is read as usual
    String fits = new JsonObject().put("username", name).put("email", name + "@example.test")
        .put("padding", "x".repeat(60 * 1024)).encode();
    assertThat(api.post("/fitness/users/profile", adminToken, fits).status()).isEqualTo(201);
  }

  @Test
  void unknownFieldsAreIgnored() {
    String name = unique("extra");
    String forcedId = UUID.randomUUID().toString();
    Res res = api.post("/fitness/users/profile", adminToken, new JsonObject().put("username", name)
        .put("email", name + "@example.test").put("favourite_colour", "blue").put("id", forcedId)
        .put("created_at", "2000-01-01T00:00:00Z").put("password_hash", "x"));
    assertThat(res.status()).as(res.toString()).isEqualTo(201);
    String id = res.json().getString("user_id");
    assertThat(id).isNotEqualTo(forcedId);
    JsonObject p = api.get("/fitness/users/" + id + "/profile", adminToken).json();
    assertThat(p.containsKey("favourite_colour")).isFalse();
    assertThat(Instant.parse(p.getString("created_at"))).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    Res update = api.put("/fitness/users/" + id + "/profile", adminToken, new JsonObject().put("age", 33)
        .put("shoe_size", 44));
    assertThat(update.status()).isEqualTo(200);
    Res nothingKnown = api.put("/fitness/users/" + id + "/profile", adminToken, new JsonObject().put("shoe_size", 44));
    assertThat(nothingKnown.status()).as("a body with nothing to update is refused").isEqualTo(400);
  }

  @Test
  void duplicateUsernameOrEmailIs409NamingTheFieldWhateverTheCase() {
    String name = unique("Dup");
    Res first = api.post("/fitness/users/profile", adminToken, new JsonObject().put("username", name)
        .put("email", name + "@example.test"));
    assertThat(first.status()).isEqualTo(201);
    Map<String, Long> before = rowCounts();

    Res sameName = api.post("/fitness/users/profile", adminToken, new JsonObject().put("username", name.toUpperCase())
        .put("email", unique("o") + "@example.test"));
    assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
    assertThat(sameName.error().getString("code")).isEqualTo("conflict");
    assertThat(sameName.error().getString("field")).isEqualTo("username");

    Res sameEmail = api.post("/fitness/users/profile", adminToken, new JsonObject().put("username", unique("o"))
        .put("email", name.toUpperCase() + "@EXAMPLE.test"));
    assertThat(sameEmail.status()).as(sameEmail.toString()).isEqualTo(409);
    assertThat(sameEmail.error().getString("field")).isEqualTo("email");

    // a staff account's name is taken too: a profile named so could never log in as itself
    Res staff = api.post("/fitness/users/profile", adminToken, new JsonObject().put("username", "Admin")
        .put("email", unique("o") + "@example.test"));
    assertThat(staff.status()).as(staff.toString()).isEqualTo(409);
    assertThat(staff.error().getString("field")).isEqualTo("username");

    // and on update
    Res rename = api.put("/fitness/users/" + user + "/profile", adminToken, new JsonObject().put("username", name.toLowerCase()));
    assertThat(rename.status()).as(rename.toString()).isEqualTo(409);
    assertThat(rename.error().getString("field")).isEqualTo("username");
    Res reEmail = api.put("/fitness/users/" + user + "/profile", adminToken,
        new JsonObject().put("email", name.toLowerCase() + "@example.test").put("age", 50));
    assertThat(reEmail.status()).as(reEmail.toString()).isEqualTo(409);
    assertThat(reEmail.error().getString("field")).isEqualTo("email");
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM fitness_users WHERE id = $1 AND age = 40", UUID.fromString(user)))
        .as("the rejected update changed nothing").isEqualTo(1);
  }

  @Test
  void aSecondOpenWorkoutIs409AndWritesNothing() {
    Map<String, Long> before = rowCounts();
    Res res = api.post("/fitness/users/" + user + "/workouts", adminToken, workoutWith("intensity", "low"));
    assertThat(res.status()).as(res.toString()).isEqualTo(409);
    assertThat(res.error().getString("code")).isEqualTo("conflict");
    assertThat(res.error().getString("message")).contains(workout);
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void anEndedWorkoutTakesNoExerciseAndNoSecondEnd() {
    Map<String, Long> before = rowCounts();
    Res exercise = api.post("/fitness/workouts/" + ended + "/exercises", adminToken, new JsonObject().put("name", "squat"));
    assertThat(exercise.status()).as(exercise.toString()).isEqualTo(409);
    Res again = api.put("/fitness/workouts/" + ended + "/end", adminToken, new JsonObject());
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.error().getString("code")).isEqualTo("conflict");
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void unknownIdsAre404AndWriteNothing() {
    Map<String, Long> before = rowCounts();
    String nobody = UUID.randomUUID().toString();
    for (Object[] c : new Object[][] {
        {HttpMethod.GET, "/fitness/users/" + nobody + "/profile", null},
        {HttpMethod.PUT, "/fitness/users/" + nobody + "/profile", new JsonObject().put("age", 30)},
        {HttpMethod.POST, "/fitness/users/" + nobody + "/workouts", workoutWith("intensity", "low")},
        {HttpMethod.POST, "/fitness/users/" + nobody + "/biometrics", readingWith("unit", "bpm")},
        {HttpMethod.GET, "/fitness/workouts/" + nobody, null},
        {HttpMethod.GET, "/fitness/workouts/not-a-uuid", null},
        {HttpMethod.PUT, "/fitness/workouts/" + nobody + "/end", new JsonObject()},
        {HttpMethod.DELETE, "/fitness/users/" + nobody, null},
        {HttpMethod.GET, "/fitness/classes/" + nobody, null}}) {
      Res res = api.send((HttpMethod) c[0], (String) c[1], adminToken, c[2]);
      assertThat(res.status()).as("%s %s: %s", c[0], c[1], res).isEqualTo(404);
      assertThat(res.error().getString("code")).isEqualTo("not_found");
    }
    assertThat(rowCounts()).isEqualTo(before);
  }
}
