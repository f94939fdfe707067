package com.clisonix.edge.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.GatewayApplication;
import com.clisonix.edge.gateway.GatewayTestConfig;
import com.clisonix.edge.gateway.GatewayVertx;
import com.clisonix.edge.gateway.api.Vocabulary;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.clisonix.edge.testing.MqttService;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import com.clisonix.edge.testing.RedisService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document against the gateway itself: the router's routes and the document's
 * operations are the same set, public and protected operations are what the guard enforces, the
 * enumerations are the code's, real responses of a client's walk validate against the document,
 * and {@code /openapi.yaml} and {@code /docs} (Swagger UI from its webjar) are served.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsRoutesTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  Vertx vertx;
  GatewayApplication app;
  WebClient http;
  Pool edge;
  String yamlText;
  JsonObject document;
  OpenAPIContract contract;
  ResponseValidator validator;

  @BeforeAll
  void start(PostgresService pg, RedisService redis, MqttService mqtt) throws Exception {
    vertx = GatewayVertx.create();
    JsonObject tree = GatewayTestConfig.tree(pg, redis, mqtt);
    // a low failed-login limit lets the 429 answer be checked in two requests
    tree.getJsonObject("auth").put("rate_limit", new JsonObject().put("failed_logins_per_minute", 2));
    app = GatewayApplication.start(vertx, tree, false, null).await(60, TimeUnit.SECONDS);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()));
    edge = PgBuilder.pool().connectingTo(app.config().edgeDb().connectOptions()).using(vertx).build();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiDocsRoutes.DOCUMENT)) {
      assertThat(in).as(ApiDocsRoutes.DOCUMENT + " on the classpath").isNotNull();
      yamlText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Object parsed = new Yaml().load(yamlText);
    assertThat(parsed).as("the document is one YAML mapping").isInstanceOf(Map.class);
    document = new JsonObject(Json.encode(parsed));
    contract = OpenAPIContract.from(vertx, jsonMediaTypesOnly(document)).await(30, TimeUnit.SECONDS);
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterAll
  void stop() throws Exception {
    if (edge != null) {
      edge.close().await(10, TimeUnit.SECONDS);
    }
    if (app != null) {
      app.stop().await(30, TimeUnit.SECONDS);
    }
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  /**
   * vertx-openapi models JSON and plain-text bodies only; the YAML document and the Swagger UI
   * page are checked over HTTP below, so their media types are left out of what it loads.
   */
  static JsonObject jsonMediaTypesOnly(JsonObject doc) {
    JsonObject copy = doc.copy();
    JsonObject paths = copy.getJsonObject("paths");
    for (String p : paths.fieldNames()) {
      for (Map.Entry<String, Object> op : paths.getJsonObject(p)) {
        if (op.getValue() instanceof JsonObject o && o.containsKey("responses")) {
          for (Map.Entry<String, Object> r : o.getJsonObject("responses")) {
            JsonObject content = ((JsonObject) r.getValue()).getJsonObject("content");
            if (content != null) {
              content.fieldNames().removeIf(m -> !m.equals("application/json") && !m.equals("text/plain"));
            }
          }
        }
      }
    }
    return copy;
  }

  /** "METHOD /path/{param}" for every operation of the document. */
  Set<String> documentedOperations() {
    Set<String> ops = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String p : paths.fieldNames()) {
      for (String m : paths.getJsonObject(p).fieldNames()) {
        if (METHODS.contains(m)) {
          ops.add(m.toUpperCase() + " " + p);
        }
      }
    }
    return ops;
  }

  /** The same for the router HttpServerVerticle serves, without the prefix-wide handlers. */
  Set<String> servedOperations() {
    Router router = HttpServerVerticle.router(vertx, app.config(), edge, null, null);
    Set<String> ops = new TreeSet<>();
    for (Route r : router.getRoutes()) {
      // body handler, guard, failure handler, static files: prefix routes that serve no operation of their own
      // (a path with :params counts as a regex route in Vert.x, so only the prefix test tells them apart)
      if (r.getPath() == null || !r.isExactPath()) {
        continue;
      }
      String path = r.getPath().replaceAll(":([A-Za-z_][A-Za-z0-9_]*)", "{$1}");
      Set<HttpMethod> methods = r.methods();
      if (methods == null || methods.isEmpty()) {
        ops.add("ANY " + path);
      } else {
        methods.forEach(m -> ops.add(m.name() + " " + path));
      }
    }
    return ops;
  }

  @Test
  void documentIsAnOpenApi31ContractThatVertxLoads() {
    assertThat(document.getString("openapi")).startsWith("3.1.");
    assertThat(contract.operations()).hasSize(documentedOperations().size());
    assertThat(contract.operations()).allSatisfy(op -> assertThat(op.getOperationId()).isNotBlank());
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.fieldNames()).contains("Error", "Profile", "ProfileCreate", "ProfileUpdate", "Workout",
        "WorkoutSummary", "Exercise", "Biometric", "AthleteMetrics", "Floor", "Class", "Token");
    assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme"))
        .isEqualTo("bearer");
  }

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
    Set<String> served = servedOperations();
    Set<String> documented = documentedOperations();
    assertThat(served).as("the router serves the API, health, metrics and docs").hasSizeGreaterThanOrEqualTo(27)
        .contains("POST /fitness/auth/token", "GET /fitness/users/{id}/profile", "GET /openapi.yaml", "GET /docs");
    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documented);
    Set<String> unserved = new TreeSet<>(documented);
    unserved.removeAll(served);
    assertThat(undocumented).as("served but missing from openapi.yaml").isEmpty();
    assertThat(unserved).as("in openapi.yaml but not served").isEmpty();
    assertThat(documented).contains("POST /fitness/analyze/pose", "POST /fitness/analyze/emotional-state",
        "POST /fitness/analyze/stress-level");
  }

  @Test
  void publicOperationsAreExactlyThoseTheGuardLetsThrough() throws Exception {
    JsonArray globalSecurity = document.getJsonArray("security");
    assertThat(globalSecurity).isNotEmpty();
    JsonObject paths = document.getJsonObject("paths");
    List<String> publicOps = new ArrayList<>();
    for (String p : paths.fieldNames()) {
      for (String m : paths.getJsonObject(p).fieldNames()) {
        if (!METHODS.contains(m)) {
          continue;
        }
        JsonObject op = paths.getJsonObject(p).getJsonObject(m);
        JsonArray security = op.getJsonArray("security", globalSecurity);
        String path = p.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpResponse<Buffer> res = http.request(HttpMethod.valueOf(m.toUpperCase()), path).send().await(10, TimeUnit.SECONDS);
        if (security.isEmpty()) {
          publicOps.add(m.toUpperCase() + " " + p);
          assertThat(res.statusCode()).as(m + " " + p + " is documented as public").isNotEqualTo(401);
        } else {
          assertThat(res.statusCode()).as(m + " " + p + " is documented as needing a token").isEqualTo(401);
          assertThat(res.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
          assertThat(op.getJsonObject("responses").containsKey("401")).as(m + " " + p + " documents its 401").isTrue();
          assertThat(op.getJsonObject("responses").containsKey("429")).as(m + " " + p + " documents its 429").isTrue();
        }
      }
    }
    assertThat(publicOps).containsExactlyInAnyOrder("POST /fitness/auth/token", "GET /fitness/health", "GET /health/live",
        "GET /health/ready", "GET /metrics", "GET /openapi.yaml", "GET /docs",
        // its token comes in the first WebSocket frame, not in a header
        "GET /fitness/live/ws");
  }

  @Test
  void enumerationsAreTheCodesVocabulary() {
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    Map<String, Set<String>> expected = Map.of("FitnessLevel", Vocabulary.FITNESS_LEVEL, "Goal", Vocabulary.GOAL,
        "Intensity", Vocabulary.INTENSITY, "WorkoutType", Vocabulary.WORKOUT_TYPE, "Mood", Vocabulary.MOOD,
        "Gender", Vocabulary.GENDER, "Context", Vocabulary.CONTEXT, "DeviceType", Vocabulary.DEVICE_TYPE,
        "Role", Vocabulary.ROLE,
        "BiometricType", Arrays.stream(ReadingType.values()).map(ReadingType::wireName).collect(Collectors.toSet()));
    expected.forEach((name, values) -> assertThat(schemas.getJsonObject(name).getJsonArray("enum").getList())
        .as(name).containsExactlyInAnyOrderElementsOf(values));
  }

  @Test
  void servesTheDocumentAndSwaggerUiFromTheJar() throws Exception {
    HttpResponse<Buffer> yaml = get("/openapi.yaml");
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.getHeader("content-type")).isEqualTo("application/yaml");
    assertThat(yaml.bodyAsString()).isEqualTo(yamlText);

    for (String page : List.of("/docs", "/docs/", "/docs/index.html")) {
      HttpResponse<Buffer> docs = get(page);
      assertThat(docs.statusCode()).as(page).isEqualTo(200);
      assertThat(docs.getHeader("content-type")).as(page).startsWith("text/html");
      assertThat(docs.bodyAsString()).as(page).contains("/docs/swagger-ui-bundle.js", "/docs/swagger-initializer.js")
          .as("no CDN: the box may be offline").doesNotContain("http://", "https://");
    }
    HttpResponse<Buffer> init = get("/docs/swagger-initializer.js");
    assertThat(init.statusCode()).isEqualTo(200);
    assertThat(init.bodyAsString()).as("our initializer, not the webjar's demo one").contains("'/openapi.yaml'")
        .doesNotContain("petstore");

    HttpResponse<Buffer> bundle = get("/docs/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.getHeader("content-type")).contains("javascript");
    assertThat(bundle.body().length()).as("the webjar's bundle").isGreaterThan(1_000_000);
    assertThat(bundle.bodyAsString()).contains("SwaggerUIBundle");
    HttpResponse<Buffer> css = get("/docs/swagger-ui.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.getHeader("content-type")).startsWith("text/css");
    assertThat(get("/docs/swagger-ui-standalone-preset.js").statusCode()).isEqualTo(200);
    assertThat(get("/docs/no-such-file.js").statusCode()).isEqualTo(404);
  }

  @Test
  void responsesOfAClientsWalkMatchTheDocument() throws Exception {
    String admin = json(call(HttpMethod.POST, "/fitness/auth/token", new JsonObject().put("username", "admin")
        .put("password", GatewayTestConfig.ADMIN_PASSWORD), null, "issueToken", 200)).getString("access_token");
    String suffix = Long.toHexString(System.nanoTime());
    JsonObject created = json(call(HttpMethod.POST, "/fitness/users/profile", new JsonObject()
        .put("username", "walker_" + suffix).put("email", "walker_" + suffix + "@example.com").put("age", 30)
        .put("gender", "F").put("height_cm", 170).put("weight_kg", 65).put("fitness_level", "intermediate")
        .put("primary_goal", "endurance").put("secondary_goals", new JsonArray().add("strength"))
        .put("resting_heart_rate", 55).put("password", "walker-password"), admin, "createProfile", 201));
    String userId = created.getString("user_id");
    call(HttpMethod.POST, "/fitness/users/profile", new JsonObject().put("username", "walker_" + suffix)
        .put("email", "other_" + suffix + "@example.com"), admin, "createProfile", 409);
    call(HttpMethod.POST, "/fitness/users/profile", new JsonObject().put("username", "x_" + suffix)
        .put("email", "x_" + suffix + "@example.com").put("age", 5), admin, "createProfile", 400);
    JsonObject profile = json(call(HttpMethod.GET, "/fitness/users/" + userId + "/profile", null, admin, "getProfile", 200));
    assertThat(profile.getString("max_heart_rate_source")).isEqualTo("estimated");
    call(HttpMethod.GET, "/fitness/users/" + UUID.randomUUID() + "/profile", null, admin, "getProfile", 404);
    call(HttpMethod.PUT, "/fitness/users/" + userId + "/profile", new JsonObject().put("weight_kg", 64), admin,
        "updateProfile", 200);
    call(HttpMethod.GET, "/fitness/users?query=walker_&limit=5", null, admin, "searchUsers", 200);

    String athlete = json(call(HttpMethod.POST, "/fitness/auth/token", new JsonObject().put("username", "walker_" + suffix)
        .put("password", "walker-password"), null, "issueToken", 200)).getString("access_token");
    call(HttpMethod.GET, "/fitness/floor", null, athlete, "getFloor", 403);

    JsonObject cls = json(call(HttpMethod.POST, "/fitness/classes", new JsonObject().put("name", "Spin " + suffix), admin,
        "startClass", 201));
    String classId = cls.getString("class_id");
    String workoutId = json(call(HttpMethod.POST, "/fitness/users/" + userId + "/workouts", new JsonObject()
        .put("name", "Morning ride").put("workout_type", "cardio").put("intensity", "high"), athlete, "startWorkout", 201))
        .getString("workout_id");
    call(HttpMethod.POST, "/fitness/users/" + userId + "/workouts", new JsonObject().put("name", "Second")
        .put("workout_type", "cardio"), athlete, "startWorkout", 409);
    for (int hr : new int[] {118, 131, 142}) {
      call(HttpMethod.POST, "/fitness/users/" + userId + "/biometrics", new JsonObject().put("biometric_type", "heart_rate")
          .put("value", hr).put("unit", "bpm").put("device_type", "chest_strap"), athlete, "recordBiometric", 201);
    }
    call(HttpMethod.POST, "/fitness/users/" + userId + "/biometrics", new JsonObject().put("biometric_type", "heart_rate")
        .put("value", 400), athlete, "recordBiometric", 400);
    call(HttpMethod.POST, "/fitness/workouts/" + workoutId + "/exercises", new JsonObject().put("name", "squat")
        .put("muscle_groups", new JsonArray().add("quadriceps")).put("sets", 3).put("reps", 10), athlete, "addExercise", 201);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/live", null, athlete, "getAthleteLive", 200);
    JsonObject floor = json(call(HttpMethod.GET, "/fitness/floor", null, admin, "getFloor", 200));
    assertThat(floor.getJsonArray("athletes")).isNotEmpty();
    assertThat(floor.getJsonObject("music").getString("mode")).isEqualTo("intensity");
    assertThat(json(call(HttpMethod.GET, "/fitness/music", null, athlete, "getMusic", 200)).getString("style")).isEqualTo("house");
    call(HttpMethod.PUT, "/fitness/music", new JsonObject().put("style", "rock"), admin, "setMusic", 200);
    call(HttpMethod.PUT, "/fitness/music", new JsonObject().put("min_bpm", 10), admin, "setMusic", 400);
    call(HttpMethod.PUT, "/fitness/music", new JsonObject().put("style", "house"), athlete, "setMusic", 403);
    String workoutMusic = "/fitness/workouts/" + workoutId + "/music.mid";
    // the workout's recording holds its first bar within a bar of the start
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
        http.get(workoutMusic).bearerTokenAuthentication(athlete).send().await(10, TimeUnit.SECONDS).statusCode() == 200);
    call(HttpMethod.GET, workoutMusic, null, athlete, "getWorkoutMusic", 200);
    call(HttpMethod.GET, "/fitness/classes/" + classId + "/music.mid", null, admin, "getClassMusic", 200);
    call(HttpMethod.GET, "/fitness/classes/" + UUID.randomUUID() + "/music.mid", null, admin, "getClassMusic", 404);
    JsonObject running = json(call(HttpMethod.GET, "/fitness/classes/" + classId, null, admin, "getClass", 200));
    assertThat(running.getJsonArray("attendees")).isNotEmpty();
    call(HttpMethod.PUT, "/fitness/workouts/" + workoutId + "/end", new JsonObject().put("mood_after", "good")
        .put("energy_after", 4), athlete, "endWorkout", 200);
    call(HttpMethod.PUT, "/fitness/workouts/" + workoutId + "/end", new JsonObject(), athlete, "endWorkout", 409);
    JsonObject workout = json(call(HttpMethod.GET, "/fitness/workouts/" + workoutId, null, athlete, "getWorkout", 200));
    assertThat(workout.getInteger("exercises_count")).isEqualTo(1);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/workouts?limit=5", null, athlete, "listWorkouts", 200);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/stats", null, athlete, "getUserStats", 200);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/biometrics?biometric_type=heart_rate", null, athlete,
        "listBiometrics", 200);
    call(HttpMethod.PUT, "/fitness/classes/" + classId + "/end", null, admin, "endClass", 200);
    call(HttpMethod.GET, "/fitness/classes/" + classId, null, admin, "getClass", 200);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/export", null, athlete, "exportUser", 200);
    call(HttpMethod.PUT, "/fitness/users/" + userId + "/password", new JsonObject().put("current_password", "wrong-one")
        .put("new_password", "walker-password-2"), athlete, "changePassword", 403);
    call(HttpMethod.PUT, "/fitness/users/" + userId + "/password", new JsonObject().put("current_password", "walker-password")
        .put("new_password", "walker-password-2"), athlete, "changePassword", 200);
    // the change ended the athlete's tokens: the old one is refused, a new login works and logs out
    call(HttpMethod.POST, "/fitness/auth/logout", null, athlete, "logout", 401);
    String renewed = json(call(HttpMethod.POST, "/fitness/auth/token", new JsonObject().put("username", "walker_" + suffix)
        .put("password", "walker-password-2"), null, "issueToken", 200)).getString("access_token");
    call(HttpMethod.POST, "/fitness/auth/logout", null, renewed, "logout", 200);
    call(HttpMethod.GET, "/fitness/users/" + userId + "/profile", null, athlete, "getProfile", 401);
    call(HttpMethod.DELETE, "/fitness/users/" + userId, null, admin, "eraseUser", 200);
    call(HttpMethod.GET, "/fitness/health", null, null, "getFitnessHealth", 200);
    call(HttpMethod.GET, "/health/live", null, null, "getLiveness", 200);
    call(HttpMethod.GET, "/health/ready", null, null, "getReadiness", 200);
    call(HttpMethod.GET, "/metrics", null, null, "getMetrics", 200);

    // failed logins past the limit: 429 with Retry-After, as documented
    JsonObject wrong = new JsonObject().put("username", "nobody_" + suffix).put("password", "not-it");
    call(HttpMethod.POST, "/fitness/auth/token", wrong, null, "issueToken", 401);
    call(HttpMethod.POST, "/fitness/auth/token", wrong, null, "issueToken", 401);
    HttpResponse<Buffer> limited = call(HttpMethod.POST, "/fitness/auth/token", wrong, null, "issueToken", 429);
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isPositive();
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return http.get(path).send().await(10, TimeUnit.SECONDS);
  }

  static JsonObject json(HttpResponse<Buffer> res) {
    return res.bodyAsJsonObject();
  }

  /** The media types the document lists for one response of an operation, read from the YAML itself. */
  Set<String> documentedMediaTypes(String operationId, int status) {
    JsonObject paths = document.getJsonObject("paths");
    for (String p : paths.fieldNames()) {
      for (String m : paths.getJsonObject(p).fieldNames()) {
        Object op = paths.getJsonObject(p).getValue(m);
        if (op instanceof JsonObject o && operationId.equals(o.getString("operationId"))) {
          JsonObject response = o.getJsonObject("responses").getJsonObject(String.valueOf(status));
          return response == null || response.getJsonObject("content") == null ? Set.of()
              : response.getJsonObject("content").fieldNames();
        }
      }
    }
    return Set.of();
  }

  /** Sends one request, checks its status, and validates the response against the operation in the document. */
  HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body, String token, String operationId, int status)
      throws Exception {
    HttpRequest<Buffer> req = http.request(method, path);
    if (token != null) {
      req.bearerTokenAuthentication(token);
    }
    HttpResponse<Buffer> res = (body == null ? req.send() : req.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
    String what = method + " " + path + " -> " + res.statusCode() + " " + res.bodyAsString();
    assertThat(res.statusCode()).as(what).isEqualTo(status);
    assertThat(contract.operation(operationId)).as(operationId).isNotNull();
    assertThat(contract.operation(operationId).getResponse(status)).as(operationId + " documents " + status).isNotNull();
    Map<String, String> headers = new HashMap<>();
    res.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
    // vertx-openapi cannot decode a quoted header value such as attachment; filename="..."; checked here instead
    String disposition = headers.remove("Content-Disposition");
    if (disposition != null) {
      assertThat(disposition).matches("attachment; filename=\"clisonix-user-[0-9a-f-]{36}\\.json\"");
    }
    String contentType = res.getHeader("content-type");
    String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
    if (!"application/json".equals(mediaType)) {
      // vertx-openapi validates JSON bodies only: for text, the documented media type is what can be checked
      if ("audio/midi".equals(mediaType)) {
        // vertx-openapi leaves media types it cannot analyse (binary audio) out of its model: read the document
        assertThat(documentedMediaTypes(operationId, status)).as(operationId).contains(mediaType);
      } else {
        assertThat(contract.operation(operationId).getResponse(status).getContent()).as(operationId).containsKey(mediaType);
      }
      return res;
    }
    ValidatableResponse v = ValidatableResponse.create(res.statusCode(), headers, res.body(), mediaType);
    try {
      validator.validate(v, operationId).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(operationId + ": the response does not match the document: " + e.getMessage() + "\n" + what, e);
    }
    return res;
  }
}
