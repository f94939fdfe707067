package com.clisonix.edge.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clisonix.edge.gateway.GatewayApplication;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.GatewayVertx;
import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The stats route and the aggregator on a real store: recomputed when a workout ends, on the
 * periodic pass for workouts written behind its back, and records kept in user_achievements.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsAggregationTest {
  Vertx vertx;
  GatewayApplication app;
  WebClient http;
  Pool db;
  String token;

  @BeforeAll
  void start(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    vertx = GatewayVertx.create();
    JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt).put("stats", new JsonObject().put("interval_seconds", 1))
        .put("gym", new JsonObject().put("id", "test-gym").put("node_id", "n1").put("time_zone", "UTC"));
    app = GatewayApplication.start(vertx, tree, false, null).await(60, TimeUnit.SECONDS);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()));
    db = PgBuilder.pool().connectingTo(PgUri.parse("edge_db.uri", pg.uri()).connectOptions()).using(vertx).build();
    token = http.post("/fitness/auth/token").sendJsonObject(new JsonObject().put("username", "admin")
        .put("password", GatewayTestConfig.ADMIN_PASSWORD)).await(10, TimeUnit.SECONDS).bodyAsJsonObject()
        .getString("access_token");
  }

  @AfterAll
  void stop() throws Exception {
    db.close();
    app.stop().await(30, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  HttpResponse<Buffer> call(io.vertx.core.http.HttpMethod m, String path, JsonObject body) throws Exception {
    var req = http.request(m, path).bearerTokenAuthentication(token);
    return (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
  }

  String newUser(String name) throws Exception {
    HttpResponse<Buffer> res = call(io.vertx.core.http.HttpMethod.POST, "/fitness/users/profile",
        new JsonObject().put("username", name).put("email", name + "@example.com").put("age", 30));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(201);
    return res.bodyAsJsonObject().getString("user_id");
  }

  @Test
  void aUserWithNoWorkoutsHasZeroTotals() throws Exception {
    String user = newUser("nobody");
    HttpResponse<Buffer> res = call(io.vertx.core.http.HttpMethod.GET, "/fitness/users/" + user + "/stats", null);
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject s = res.bodyAsJsonObject();
    assertThat(s.getInteger("total_workouts")).isZero();
    assertThat(s.getInteger("current_workout_streak")).isZero();
    assertThat(s.fieldNames()).contains("total_workouts", "total_workout_hours", "total_calories_burned",
        "total_distance_km", "total_steps", "current_workout_streak", "longest_workout_streak",
        "avg_workout_duration_minutes", "avg_heart_rate", "avg_calories_per_workout", "max_heart_rate_recorded",
        "longest_workout_minutes", "weekly_improvement_percent", "monthly_improvement_percent",
        "form_accuracy_trend", "updated_at");
  }

  @Test
  void endingAWorkoutUpdatesStatsAndRecords() throws Exception {
    String user = newUser("ender");
    String workout = call(io.vertx.core.http.HttpMethod.POST, "/fitness/users/" + user + "/workouts",
        new JsonObject().put("name", "Strength").put("workout_type", "strength")).bodyAsJsonObject().getString("workout_id");
    assertThat(call(io.vertx.core.http.HttpMethod.POST, "/fitness/workouts/" + workout + "/exercises",
        new JsonObject().put("name", "Push-ups").put("reps", 25)).statusCode()).isEqualTo(201);
    assertThat(call(io.vertx.core.http.HttpMethod.PUT, "/fitness/workouts/" + workout + "/end", new JsonObject())
        .statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject s = call(io.vertx.core.http.HttpMethod.GET, "/fitness/users/" + user + "/stats", null).bodyAsJsonObject();
      assertThat(s.getInteger("total_workouts")).isEqualTo(1);
      assertThat(s.getInteger("current_workout_streak")).isEqualTo(1);
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      var rows = db.preparedQuery("SELECT value FROM user_achievements WHERE user_id = $1 AND achievement_type = 'most_reps' "
          + "AND exercise_name = 'push_up'").execute(Tuple.of(UUID.fromString(user))).await(5, TimeUnit.SECONDS);
      assertThat(rows.size()).isEqualTo(1);
      assertThat(rows.iterator().next().getDouble("value")).isEqualTo(25.0);
    });
  }

  @Test
  void thePeriodicPassPicksUpHistoryWrittenBehindItsBack() throws Exception {
    String user = newUser("historian");
    // three consecutive days ending yesterday, written straight into the store
    OffsetDateTime today = OffsetDateTime.now(ZoneOffset.UTC).withHour(12).withMinute(0).withSecond(0).withNano(0);
    for (int d = 1; d <= 3; d++) {
      OffsetDateTime start = today.minusDays(d);
      db.preparedQuery("INSERT INTO workouts (id, user_id, name, workout_type, started_at, ended_at, duration_minutes, "
              + "total_calories_burned, completed) VALUES ($1, $2, 'Ride', 'cardio', $3, $4, 60, 500, true)")
          .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(user), start, start.plusHours(1))).await(5, TimeUnit.SECONDS);
    }
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      var rows = db.preparedQuery("SELECT total_workouts, current_workout_streak, longest_workout_streak, "
          + "total_calories_burned, total_workout_hours FROM fitness_stats WHERE user_id = $1")
          .execute(Tuple.of(UUID.fromString(user))).await(5, TimeUnit.SECONDS);
      assertThat(rows.size()).isEqualTo(1);
      var r = rows.iterator().next();
      assertThat(r.getInteger("total_workouts")).isEqualTo(3);
      assertThat(r.getInteger("current_workout_streak")).as("a streak ending yesterday still counts").isEqualTo(3);
      assertThat(r.getDouble("total_calories_burned")).isEqualTo(1500.0);
      assertThat(r.getDouble("total_workout_hours")).isEqualTo(3.0);
    });
    var milestone = db.preparedQuery("SELECT count(*) FROM user_achievements WHERE user_id = $1 "
        + "AND achievement_type = 'streak_3_days'").execute(Tuple.of(UUID.fromString(user))).await(5, TimeUnit.SECONDS);
    assertThat(milestone.iterator().next().getLong(0)).isEqualTo(1L);
  }
}
