package com.clisonix.edge.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The specification's client flow end to end, in its order: create a profile, read and update it,
 * start a workout, add an exercise, record heart rates, list, end the workout, and the health
 * check; every response in the specification's exact shape.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecFlowTest extends ApiTestBase {
  String userId;
  String username;
  String workoutId;
  String coachToken;

  @Test
  @Order(1)
  void createProfileAnswers201WithTheSpecShape() {
    coachToken = account("coach").token();
    username = unique("john_doe");
    JsonObject body = new JsonObject().put("username", username).put("email", username.toUpperCase() + "@Example.TEST")
        .put("age", 30).put("gender", "M").put("height_cm", 180).put("weight_kg", 80).put("fitness_level", "intermediate")
        .put("primary_goal", "muscle_gain").put("secondary_goals", new JsonArray().add("strength").add("endurance"))
        .put("resting_heart_rate", 60).put("workout_duration_minutes", 45).put("workouts_per_week", 3);
    Instant before = Instant.now().minusSeconds(5);
    Res res = api.post("/fitness/users/profile", coachToken, body);
    assertThat(res.status()).as(res.toString()).isEqualTo(201);
    JsonObject j = res.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "user_id", "username", "email", "fitness_level",
        "created_at");
    assertThat(j.getBoolean("success")).isTrue();
    userId = j.getString("user_id");
    assertThat(UUID.fromString(userId)).isNotNull();
    assertThat(j.getString("username")).isEqualTo(username);
    // emails are kept in lower case, so the unique index and logins agree on one spelling
    assertThat(j.getString("email")).isEqualTo(username.toLowerCase() + "@example.test");
    assertThat(j.getString("fitness_level")).isEqualTo("intermediate");
    assertThat(Instant.parse(j.getString("created_at"))).isBetween(before, Instant.now().plusSeconds(5));
  }

  @Test
  @Order(2)
  void getReturnsEverySpecFieldWithTheEstimatedMaximum() {
    Res res = api.get("/fitness/users/" + userId + "/profile", coachToken);
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject p = res.json();
    assertThat(p.fieldNames()).contains("id", "user_id", "username", "email", "age", "gender", "height_cm", "weight_kg",
        "fitness_level", "primary_goal", "secondary_goals", "resting_heart_rate", "max_heart_rate", "vo2_max",
        "preferred_workout_time", "preferred_intensity", "workout_duration_minutes", "workouts_per_week",
        "linked_wearables", "camera_enabled", "microphone_enabled", "created_at", "updated_at", "last_login", "active",
        "max_heart_rate_source");
    assertThat(p.getString("id")).isEqualTo(userId);
    assertThat(p.getString("username")).isEqualTo(username);
    assertThat(p.getInteger("age")).isEqualTo(30);
    assertThat(p.getString("gender")).isEqualTo("M");
    assertThat(p.getDouble("height_cm")).isEqualTo(180.0);
    assertThat(p.getDouble("weight_kg")).isEqualTo(80.0);
    assertThat(p.getString("fitness_level")).isEqualTo("intermediate");
    assertThat(p.getString("primary_goal")).isEqualTo("muscle_gain");
    assertThat(p.getJsonArray("secondary_goals")).containsExactly("strength", "endurance");
    assertThat(p.getDouble("resting_heart_rate")).isEqualTo(60.0);
    assertThat(p.getInteger("workout_duration_minutes")).isEqualTo(45);
    assertThat(p.getInteger("workouts_per_week")).isEqualTo(3);
    assertThat(p.getBoolean("camera_enabled")).isFalse();
    assertThat(p.getBoolean("active")).isTrue();
    assertThat(p.getJsonObject("linked_wearables")).isEqualTo(new JsonObject());
    // Tanaka: 208 - 0.7 * 30 = 187
    assertThat(p.getDouble("max_heart_rate")).isEqualTo(187.0);
    assertThat(p.getString("max_heart_rate_source")).isEqualTo("estimated");
  }

  @Test
  @Order(3)
  void updateAnswersProfileUpdatedAndStoresTheFields() {
    Res before = api.get("/fitness/users/" + userId + "/profile", coachToken);
    Res res = api.put("/fitness/users/" + userId + "/profile", coachToken, new JsonObject().put("weight_kg", 78)
        .put("resting_heart_rate", 58).put("fitness_level", "advanced").put("primary_goal", "strength")
        .put("max_heart_rate", 191));
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject j = res.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "message", "updated_at");
    assertThat(j.getBoolean("success")).isTrue();
    assertThat(j.getString("message")).isEqualTo("Profile updated");
    assertThat(Instant.parse(j.getString("updated_at")))
        .isAfterOrEqualTo(Instant.parse(before.json().getString("updated_at")));
    JsonObject p = api.get("/fitness/users/" + userId + "/profile", coachToken).json();
    assertThat(p.getDouble("weight_kg")).isEqualTo(78.0);
    assertThat(p.getDouble("resting_heart_rate")).isEqualTo(58.0);
    assertThat(p.getString("fitness_level")).isEqualTo("advanced");
    assertThat(p.getString("primary_goal")).isEqualTo("strength");
    assertThat(p.getDouble("max_heart_rate")).isEqualTo(191.0);
    assertThat(p.getString("max_heart_rate_source")).isEqualTo("measured");
    assertThat(p.getString("updated_at")).isEqualTo(j.getString("updated_at"));

    // an explicit null clears the measured value and the estimate is back in use
    assertThat(api.put("/fitness/users/" + userId + "/profile", coachToken,
        new JsonObject().putNull("max_heart_rate")).status()).isEqualTo(200);
    p = api.get("/fitness/users/" + userId + "/profile", coachToken).json();
    assertThat(p.getDouble("max_heart_rate")).isEqualTo(187.0);
    assertThat(p.getString("max_heart_rate_source")).isEqualTo("estimated");
  }

  @Test
  @Order(4)
  void startWorkoutAnswers201WithTheSpecShape() {
    Res res = api.post("/fitness/users/" + userId + "/workouts", coachToken, new JsonObject().put("name", "Morning HIIT")
        .put("workout_type", "cardio").put("intensity", "high").put("description", "High-intensity interval training")
        .put("mood_before", "neutral").put("energy_before", 6));
    assertThat(res.status()).as(res.toString()).isEqualTo(201);
    JsonObject j = res.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "workout_id", "name", "type", "intensity",
        "started_at");
    assertThat(j.getBoolean("success")).isTrue();
    workoutId = j.getString("workout_id");
    assertThat(j.getString("name")).isEqualTo("Morning HIIT");
    assertThat(j.getString("type")).isEqualTo("cardio");
    assertThat(j.getString("intensity")).isEqualTo("high");
    assertThat(Instant.parse(j.getString("started_at"))).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
  }

  @Test
  @Order(5)
  void addExerciseAnswers201WithTheSpecShape() {
    Res res = api.post("/fitness/workouts/" + workoutId + "/exercises", coachToken, new JsonObject()
        .put("name", "Push-ups").put("exercise_type", "strength")
        .put("muscle_groups", new JsonArray().add("chest").add("triceps").add("shoulders"))
        .put("sets", 3).put("reps", 12).put("duration_seconds", 180));
    assertThat(res.status()).as(res.toString()).isEqualTo(201);
    JsonObject j = res.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "exercise_id", "name", "type", "started_at");
    assertThat(j.getString("name")).isEqualTo("Push-ups");
    assertThat(j.getString("type")).isEqualTo("strength");
    assertThat(UUID.fromString(j.getString("exercise_id"))).isNotNull();
    assertThat(Instant.parse(j.getString("started_at"))).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
    // the second exercise names only what is required: type defaults, lists are empty
    Res minimal = api.post("/fitness/workouts/" + workoutId + "/exercises", coachToken, new JsonObject().put("name", "Plank"));
    assertThat(minimal.status()).as(minimal.toString()).isEqualTo(201);
    assertThat(minimal.json().getString("type")).isEqualTo("strength");
  }

  @Test
  @Order(6)
  void recordBiometricsAnswers201AndTheContextFollowsTheOpenWorkout() {
    // one second apart: the athlete actor weighs each reading by the time since the previous one
    Instant first = Instant.now().minusSeconds(3);
    int second = 0;
    for (int hr : List.of(140, 150, 160)) {
      Res res = api.post("/fitness/users/" + userId + "/biometrics", coachToken, new JsonObject()
          .put("biometric_type", "heart_rate").put("value", hr).put("unit", "bpm").put("device_type", "smartwatch")
          .put("measured_at", first.plusSeconds(second++).toString()));
      assertThat(res.status()).as(res.toString()).isEqualTo(201);
      JsonObject j = res.json();
      assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "biometric_id", "type", "value", "unit", "context",
          "recorded_at");
      assertThat(j.getString("type")).isEqualTo("heart_rate");
      assertThat(j.getDouble("value")).isEqualTo(hr);
      assertThat(j.getString("unit")).isEqualTo("bpm");
      assertThat(j.getString("context")).as("a workout is open").isEqualTo("workout");
      assertThat(Instant.parse(j.getString("recorded_at"))).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));
    }
    Res cal = api.post("/fitness/users/" + userId + "/biometrics", coachToken, new JsonObject()
        .put("biometric_type", "calories").put("value", 12.5).put("context", "recovery"));
    assertThat(cal.status()).as(cal.toString()).isEqualTo(201);
    assertThat(cal.json().getString("unit")).isEqualTo("kcal");
    assertThat(cal.json().getString("context")).as("a given context is kept").isEqualTo("recovery");
  }

  @Test
  @Order(7)
  void listBiometricsFiltersByTypeAndLimitsNewestFirst() {
    Res all = api.get("/fitness/users/" + userId + "/biometrics", coachToken);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.array()).hasSize(4);
    Res hr = api.get("/fitness/users/" + userId + "/biometrics?biometric_type=heart_rate&limit=2", coachToken);
    assertThat(hr.status()).as(hr.toString()).isEqualTo(200);
    JsonArray rows = hr.array();
    assertThat(rows).hasSize(2);
    JsonObject newest = rows.getJsonObject(0);
    assertThat(newest.fieldNames()).contains("id", "type", "value", "unit", "device_type", "context", "measured_at");
    assertThat(newest.getString("type")).isEqualTo("heart_rate");
    assertThat(newest.getDouble("value")).isEqualTo(160.0);
    assertThat(newest.getString("device_type")).isEqualTo("smartwatch");
    assertThat(newest.getString("context")).isEqualTo("workout");
    assertThat(rows.getJsonObject(1).getDouble("value")).isEqualTo(150.0);
  }

  @Test
  @Order(8)
  void workoutDetailsCarryTheExercisesAndTheirCount() {
    Res res = api.get("/fitness/workouts/" + workoutId, coachToken);
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject w = res.json();
    assertThat(w.fieldNames()).contains("id", "name", "type", "intensity", "started_at", "ended_at", "duration_minutes",
        "total_calories_burned", "average_heart_rate", "max_heart_rate", "min_heart_rate", "mood_before", "mood_after",
        "energy_before", "energy_after", "ai_feedback", "completed", "exercises_count", "exercises");
    assertThat(w.getString("id")).isEqualTo(workoutId);
    assertThat(w.getString("type")).isEqualTo("cardio");
    assertThat(w.getString("mood_before")).isEqualTo("neutral");
    assertThat(w.getInteger("energy_before")).isEqualTo(6);
    assertThat(w.getValue("ended_at")).isNull();
    assertThat(w.getInteger("exercises_count")).isEqualTo(2);
    JsonObject push = w.getJsonArray("exercises").getJsonObject(0);
    assertThat(push.getString("name")).isEqualTo("Push-ups");
    assertThat(push.getString("type")).isEqualTo("strength");
    assertThat(push.getJsonArray("muscle_groups")).containsExactly("chest", "triceps", "shoulders");
    assertThat(push.getInteger("sets")).isEqualTo(3);
    assertThat(push.getInteger("reps")).isEqualTo(12);
    assertThat(push.getInteger("duration_seconds")).isEqualTo(180);
    assertThat(w.getJsonArray("exercises").getJsonObject(1).getJsonArray("muscle_groups")).isEmpty();
  }

  @Test
  @Order(9)
  void endWorkoutAnswersTheSpecShapeAndComputesHeartRateFromTheReadings() {
    Res res = api.put("/fitness/workouts/" + workoutId + "/end", coachToken, new JsonObject().put("mood_after", "excellent")
        .put("energy_after", 3).put("pain_level", 2).put("notes", "Great session!").put("ai_feedback", "Outstanding!")
        .put("completed", true));
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonObject j = res.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("success", "message", "workout_id", "duration_minutes",
        "ended_at");
    assertThat(j.getString("message")).isEqualTo("Workout ended");
    assertThat(j.getString("workout_id")).isEqualTo(workoutId);
    assertThat(j.getInteger("duration_minutes")).isEqualTo(0);
    assertThat(Instant.parse(j.getString("ended_at"))).isCloseTo(Instant.now(), within(10, ChronoUnit.SECONDS));

    JsonObject w = api.get("/fitness/workouts/" + workoutId, coachToken).json();
    // the readings reached the athlete actor (posted over HTTP like any other): its time-weighted
    // mean credits each second to the reading that ends it, (150 + 160) / 2
    assertThat(w.getDouble("average_heart_rate")).isEqualTo(155.0);
    assertThat(w.getDouble("max_heart_rate")).isEqualTo(160.0);
    assertThat(w.getDouble("min_heart_rate")).isEqualTo(140.0);
    assertThat(w.getString("mood_after")).isEqualTo("excellent");
    assertThat(w.getInteger("energy_after")).isEqualTo(3);
    assertThat(w.getString("ai_feedback")).isEqualTo("Outstanding!");
    assertThat(w.getBoolean("completed")).isTrue();
    assertThat(w.getString("ended_at")).isEqualTo(j.getString("ended_at"));

    // after the end, a reading is at rest
    Res rest = api.post("/fitness/users/" + userId + "/biometrics", coachToken, new JsonObject()
        .put("biometric_type", "heart_rate").put("value", 70));
    assertThat(rest.json().getString("context")).isEqualTo("rest");
  }

  @Test
  @Order(10)
  void listWorkoutsHonoursTheLimitNewestFirst() {
    String second = startWorkout(userId);
    Res all = api.get("/fitness/users/" + userId + "/workouts", coachToken);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.array()).hasSize(2);
    Res one = api.get("/fitness/users/" + userId + "/workouts?limit=1", coachToken);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.array()).hasSize(1);
    JsonObject w = one.array().getJsonObject(0);
    assertThat(w.getString("id")).isEqualTo(second);
    assertThat(w.fieldNames()).contains("id", "name", "type", "intensity", "started_at", "ended_at", "duration_minutes",
        "total_calories_burned", "average_heart_rate", "completed");
    JsonObject ended = all.array().getJsonObject(1);
    assertThat(ended.getString("id")).isEqualTo(workoutId);
    assertThat(ended.getBoolean("completed")).isTrue();
    assertThat(ended.getDouble("average_heart_rate")).isEqualTo(155.0);
  }

  @Test
  @Order(11)
  void healthNeedsNoTokenAndHasTheSpecShape() {
    Res res = api.get("/fitness/health", null);
    assertThat(res.status()).isEqualTo(200);
    JsonObject j = res.json();
    assertThat(j.getString("status")).isEqualTo("healthy");
    assertThat(j.getString("module")).isEqualTo("fitness_training");
    assertThat(j.getString("version")).isEqualTo("1.0.0");
    assertThat(Instant.parse(j.getString("timestamp"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(j.getJsonObject("dependencies").getString("edge_db")).isEqualTo("up");
  }
}
