package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole gateway started in-process on the test class's own PostgreSQL database, Redis prefix and
 * MQTT root, the bootstrap admin logged in, and helpers to make accounts through the API and to
 * count rows directly in the edge database.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase {
  /** Tables a rejected request must leave untouched. */
  protected static final List<String> TABLES = List.of("fitness_users", "accounts", "workouts", "exercises",
      "biometric_data", "classes", "replication_erasures");
  private static final AtomicInteger SEQ = new AtomicInteger();

  protected PostgresService pg;
  protected RedisService redis;
  protected MqttService mqtt;
  /** The class's first gateway. */
  protected Gateway gw;
  protected ApiClient api;
  protected String adminToken;
  /** A direct connection to the edge database, for counting what the API wrote. */
  protected Pool db;
  private Vertx dbVertx;
  private final List<Gateway> started = new ArrayList<>();

  /** A running gateway and a client for it; each has its own Vert.x so several can run side by side. */
  public record Gateway(Vertx vertx, GatewayApplication app, ApiClient api, WebClient web) {
    /** Another client of this gateway, whose connections leave from {@code localAddress} (e.g. 127.0.0.2). */
    public ApiClient clientFrom(String localAddress) {
      return new ApiClient(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(app.httpPort()).setLocalAddress(localAddress)));
    }
  }

  /** An account made through the API and logged in. */
  public record Account(String id, String username, String email, String password, String role, String token) {}

  @BeforeAll
  void startGateway(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    this.pg = pg;
    this.redis = redis;
    this.mqtt = mqtt;
    gw = startGateway(configure(baseTree()));
    api = gw.api();
    dbVertx = Vertx.vertx();
    db = PgBuilder.pool().connectingTo(PgUri.parse("edge_db.uri", pg.uri()).connectOptions()).using(dbVertx).build();
    adminToken = login(api, "admin", GatewayTestConfig.ADMIN_PASSWORD);
  }

  @AfterAll
  void stopGateways() throws Exception {
    for (Gateway g : started) {
      try {
        g.app().stop().await(30, TimeUnit.SECONDS);
      } finally {
        g.vertx().close().await(30, TimeUnit.SECONDS);
      }
    }
    if (db != null) {
      db.close().await(10, TimeUnit.SECONDS);
      dbVertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The test configuration, with this class's Redis prefix (so counters and revocations of one
   * class never meet another's) and a request limit no functional test reaches; the rate-limit
   * test sets its own.
   */
  protected JsonObject baseTree() {
    JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt);
    tree.getJsonObject("redis").put("key_prefix", redis.keyPrefix());
    tree.getJsonObject("auth").put("rate_limit", new JsonObject().put("requests_per_minute", 100_000));
    return tree;
  }

  /** Override to change the first gateway's configuration. */
  protected JsonObject configure(JsonObject tree) {
    return tree;
  }

  /** Starts one more gateway (stopped after the class). */
  protected Gateway startGateway(JsonObject tree) throws Exception {
    Vertx vertx = GatewayVertx.create();
    try {
      GatewayApplication app = GatewayApplication.start(vertx, tree, false, null).await(60, TimeUnit.SECONDS);
      WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(app.httpPort()));
      Gateway g = new Gateway(vertx, app, new ApiClient(web), web);
      started.add(g);
      return g;
    } catch (Exception e) {
      vertx.close().await(30, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** Stops a gateway started by {@link #startGateway(JsonObject)} before the class ends. */
  protected void stopGateway(Gateway g) throws Exception {
    if (started.remove(g)) {
      try {
        g.app().stop().await(30, TimeUnit.SECONDS);
      } finally {
        g.vertx().close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  public static String login(ApiClient client, String username, String password) {
    ApiClient.Res res = client.post("/fitness/auth/token", null,
        new JsonObject().put("username", username).put("password", password));
    assertThat(res.status()).as("login of %s: %s", username, res).isEqualTo(200);
    return res.json().getString("access_token");
  }

  /** A name no other test uses. */
  protected static String unique(String prefix) {
    return prefix + "_" + SEQ.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** An account of this role (athlete, coach, admin, device) created by the admin and logged in. */
  protected Account account(String role) {
    return account(role, new JsonObject());
  }

  protected Account account(String role, JsonObject extra) {
    String username = unique(role);
    String password = "pw-" + UUID.randomUUID();
    JsonObject body = new JsonObject().put("username", username).put("email", username + "@example.test")
        .put("password", password).put("role", role).mergeIn(extra);
    ApiClient.Res res = api.post("/fitness/users/profile", adminToken, body);
    assertThat(res.status()).as("create %s: %s", role, res).isEqualTo(201);
    String id = res.json().getString("user_id");
    // extra may name the username and email itself
    String name = body.getString("username");
    return new Account(id, name, body.getString("email"), password, role, login(api, name, password));
  }

  /** A profile without a password (it cannot log in): cheap, for targets of other callers. */
  protected String profile(JsonObject extra) {
    String username = unique("p");
    JsonObject body = new JsonObject().put("username", username).put("email", username + "@example.test").mergeIn(extra);
    ApiClient.Res res = api.post("/fitness/users/profile", adminToken, body);
    assertThat(res.status()).as("create profile: %s", res).isEqualTo(201);
    return res.json().getString("user_id");
  }

  /** Starts a workout for the user as the admin and returns its id. */
  protected String startWorkout(String userId) {
    ApiClient.Res res = api.post("/fitness/users/" + userId + "/workouts", adminToken,
        new JsonObject().put("name", "Session").put("workout_type", "cardio"));
    assertThat(res.status()).as("start workout: %s", res).isEqualTo(201);
    return res.json().getString("workout_id");
  }

  protected long count(String sql, Object... params) {
    try {
      Row row = db.preparedQuery(sql).execute(Tuple.from(params)).await(10, TimeUnit.SECONDS).iterator().next();
      return row.getLong(0);
    } catch (Exception e) {
      throw new AssertionError(sql + ": " + e, e);
    }
  }

  /** Row counts of every table the API writes. */
  protected Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, count("SELECT count(*) FROM " + t));
    }
    return counts;
  }

  /**
   * Waits for the next minute if the current fixed one-minute window has fewer than {@code seconds}
   * left, so a burst of requests is counted in one window.
   */
  protected static void startOfWindowIfLate(int seconds) throws InterruptedException {
    long left = 60_000 - System.currentTimeMillis() % 60_000;
    if (left < seconds * 1000L) {
      Thread.sleep(left + 250);
    }
  }
}
