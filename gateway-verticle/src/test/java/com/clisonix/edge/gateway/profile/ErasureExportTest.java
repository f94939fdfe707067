package com.clisonix.edge.gateway.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A user's export holds their data and no one else's; erasure removes all of it and is queued for the cloud. */
class ErasureExportTest extends ApiTestBase {

  /** A workout with an exercise and two readings for the user; returns the workout id. */
  String someData(String userId, int hr) {
    String w = startWorkout(userId);
    assertThat(api.post("/fitness/workouts/" + w + "/exercises", adminToken, new JsonObject().put("name", "squat")
        .put("reps", 10)).status()).isEqualTo(201);
    for (int v : new int[] {hr, hr + 10}) {
      assertThat(api.post("/fitness/users/" + userId + "/biometrics", adminToken, new JsonObject()
          .put("biometric_type", "heart_rate").put("value", v)).status()).isEqualTo(201);
    }
    return w;
  }

  @Test
  void exportHoldsTheUsersDataOnly() {
    Account a = account("athlete", new JsonObject().put("age", 25));
    Account b = account("athlete");
    String wa = someData(a.id(), 120);
    someData(b.id(), 150);
    Res res = api.get("/fitness/users/" + a.id() + "/export", a.token());
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.header("Content-Disposition")).contains("attachment").contains(a.id());
    JsonObject doc = res.json();
    assertThat(doc.fieldNames()).contains("profile", "workouts", "exercises", "biometrics", "coaching_sessions",
        "achievements", "stats", "device_pairings", "camera_track_pairings", "exported_at");
    assertThat(doc.getJsonObject("profile").getString("id")).isEqualTo(a.id());
    assertThat(doc.getJsonObject("profile").getString("username")).isEqualTo(a.username());
    assertThat(doc.getJsonObject("profile").containsKey("password_hash")).isFalse();
    assertThat(doc.encode()).doesNotContain("pbkdf2").doesNotContain(b.id()).doesNotContain("repl_seq");
    JsonArray workouts = doc.getJsonArray("workouts");
    assertThat(workouts).hasSize(1);
    assertThat(workouts.getJsonObject(0).getString("id")).isEqualTo(wa);
    assertThat(doc.getJsonArray("exercises")).hasSize(1);
    assertThat(doc.getJsonArray("exercises").getJsonObject(0).getString("workout_id")).isEqualTo(wa);
    JsonArray readings = doc.getJsonArray("biometrics");
    assertThat(readings).hasSize(2);
    assertThat(readings.stream().map(r -> ((JsonObject) r).getDouble("value"))).containsExactly(120.0, 130.0);
    // the admin may export it too
    assertThat(api.get("/fitness/users/" + a.id() + "/export", adminToken).json().getJsonArray("workouts")).hasSize(1);
  }

  @Test
  void erasureRemovesEverythingOfTheUserAndIsQueuedForTheCloud() {
    Account a = account("athlete");
    Account b = account("athlete");
    someData(a.id(), 120);
    someData(b.id(), 150);
    UUID ida = UUID.fromString(a.id());
    assertThat(count("SELECT count(*) FROM biometric_data WHERE user_id = $1", ida)).isEqualTo(2);
    long othersBefore = count("SELECT count(*) FROM biometric_data WHERE user_id <> $1", ida);

    Res res = api.delete("/fitness/users/" + a.id(), a.token());
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.json().getBoolean("success")).isTrue();
    assertThat(res.json().getString("user_id")).isEqualTo(a.id());

    assertThat(count("SELECT count(*) FROM fitness_users WHERE id = $1", ida)).isZero();
    assertThat(count("SELECT count(*) FROM accounts WHERE user_id = $1", ida)).isZero();
    assertThat(count("SELECT count(*) FROM workouts WHERE user_id = $1", ida)).isZero();
    assertThat(count("SELECT count(*) FROM exercises e WHERE NOT EXISTS (SELECT 1 FROM workouts w WHERE w.id = e.workout_id)"))
        .isZero();
    assertThat(count("SELECT count(*) FROM biometric_data WHERE user_id = $1", ida)).isZero();
    assertThat(count("SELECT count(*) FROM replication_erasures WHERE user_id = $1", ida)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM biometric_data WHERE user_id <> $1", ida)).isEqualTo(othersBefore);
    assertThat(count("SELECT count(*) FROM workouts WHERE user_id = $1", UUID.fromString(b.id()))).isEqualTo(1);

    assertThat(api.get("/fitness/users/" + a.id() + "/profile", adminToken).status()).isEqualTo(404);
    assertThat(api.delete("/fitness/users/" + a.id(), adminToken).status()).as("erased already").isEqualTo(404);
    // the erased user's tokens end with them (any route: not merely a 404 on their data)
    assertThat(api.get("/fitness/floor", a.token()).status()).isEqualTo(401);
    assertThat(api.post("/fitness/auth/token", null, new JsonObject().put("username", a.username())
        .put("password", a.password())).status()).as("the login went with the profile").isEqualTo(401);
  }

  @Test
  void searchFindsAthletesByNameOrEmailPrefixAndDevicesSeeOnlyIds() {
    String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
    Account a = account("athlete", new JsonObject().put("username", tag + "_anna").put("email", "anna." + tag + "@example.test"));
    Account coach = account("coach");
    Res byName = api.get("/fitness/users?query=" + tag.toUpperCase(), coach.token());
    assertThat(byName.status()).isEqualTo(200);
    assertThat(byName.array()).hasSize(1);
    JsonObject row = byName.array().getJsonObject(0);
    assertThat(row.getString("id")).isEqualTo(a.id());
    assertThat(row.getString("email")).isEqualTo("anna." + tag + "@example.test");
    assertThat(api.get("/fitness/users?query=anna." + tag, coach.token()).array()).hasSize(1);
    assertThat(api.get("/fitness/users?query=_" + tag, coach.token()).array()).as("'_' is no wildcard").isEmpty();
    Account device = account("device");
    JsonObject seen = api.get("/fitness/users?query=" + tag, device.token()).array().getJsonObject(0);
    assertThat(seen.fieldNames()).containsExactlyInAnyOrder("id", "username");
    assertThat(api.get("/fitness/users?limit=1", coach.token()).array()).hasSize(1);
  }
}
