package com.clisonix.edge.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.GatewayTestConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the {@code /fitness} API against every kind of caller: the athlete whose data it
 * is, another athlete, a coach, an admin, a device account, no token, and a revoked token. The
 * expected statuses are the contract's section 6 rules as {@link Access} implements them.
 */
class RoleMatrixTest extends ApiTestBase {
  enum Caller { OWN, OTHER, COACH, ADMIN, DEVICE, NO_TOKEN, REVOKED }

  /** One request to make, and whose data it touches (the OWN caller). */
  record Req(HttpMethod method, String path, JsonObject body, Account owner) {}

  /**
   * A route and the status each authenticated caller gets; without a token or with a revoked one
   * every protected route answers 401.
   *
   * @param freshToken the call spends the caller's token (logout): a new login is used for it
   */
  record Route(String name, Function<Caller, Req> prepare, int own, int other, int coach, int admin, int device,
      boolean isPublic, boolean freshToken) {
    int expected(Caller c) {
      return switch (c) {
        case OWN -> own;
        case OTHER -> other;
        case COACH -> coach;
        case ADMIN -> admin;
        case DEVICE -> device;
        case NO_TOKEN, REVOKED -> isPublic ? own : 401;
      };
    }
  }

  Account athlete;
  Account other;
  Account coach;
  Account device;
  String revoked;
  String openWorkout;
  String someClass;
  final List<Route> routes = new ArrayList<>();

  @BeforeAll
  void accounts() {
    athlete = account("athlete", new JsonObject().put("age", 30));
    other = account("athlete");
    coach = account("coach");
    device = account("device");
    revoked = login(api, "admin", GatewayTestConfig.ADMIN_PASSWORD);
    assertThat(api.post("/fitness/auth/logout", revoked, null).status()).isEqualTo(200);
    openWorkout = startWorkout(athlete.id());
    someClass = startClass();
    defineRoutes();
  }

  /** A fresh athlete of its own for the OWN caller of routes that change or remove what they touch. */
  private Account freshOwner() {
    return account("athlete");
  }

  private String startClass() {
    // one class runs at a time: whatever an earlier case left running ends first
    count("WITH e AS (UPDATE classes SET ended_at = now() WHERE ended_at IS NULL RETURNING 1) SELECT count(*) FROM e");
    Res res = api.post("/fitness/classes", adminToken, new JsonObject().put("name", "Spin"));
    assertThat(res.status()).as(res.toString()).isEqualTo(201);
    return res.json().getString("class_id");
  }

  private void route(String name, Function<Caller, Req> prepare, int own, int other, int coach, int admin, int device) {
    routes.add(new Route(name, prepare, own, other, coach, admin, device, false, false));
  }

  private void defineRoutes() {
    HttpMethod get = HttpMethod.GET;
    HttpMethod post = HttpMethod.POST;
    HttpMethod put = HttpMethod.PUT;
    String u = "/fitness/users/";
    routes.add(new Route("POST /fitness/auth/token", c -> new Req(post, "/fitness/auth/token",
        new JsonObject().put("username", coach.username()).put("password", coach.password()), athlete),
        200, 200, 200, 200, 200, true, false));
    routes.add(new Route("GET /fitness/health", c -> new Req(get, "/fitness/health", null, athlete),
        200, 200, 200, 200, 200, true, false));
    routes.add(new Route("POST /fitness/auth/logout", c -> new Req(post, "/fitness/auth/logout", null, athlete),
        200, 200, 200, 200, 200, false, true));
    // a password change ends the account's tokens: every caller gets an account of its own to change
    route("PUT /fitness/users/{id}/password", c -> {
      Account target = freshOwner();
      return new Req(put, u + target.id() + "/password", new JsonObject()
          .put("current_password", target.password()).put("new_password", target.password()), target);
    }, 200, 403, 403, 200, 403);
    route("POST /fitness/users/profile", c -> {
      String name = unique("new");
      return new Req(post, u + "profile", new JsonObject().put("username", name).put("email", name + "@example.test"),
          athlete);
    }, 403, 403, 201, 201, 403);
    route("GET /fitness/users/{id}/profile", c -> new Req(get, u + athlete.id() + "/profile", null, athlete),
        200, 403, 200, 200, 403);
    route("PUT /fitness/users/{id}/profile", c -> new Req(put, u + athlete.id() + "/profile",
        new JsonObject().put("weight_kg", 70), athlete), 200, 403, 200, 200, 403);
    route("GET /fitness/users", c -> new Req(get, "/fitness/users?query=athlete", null, athlete),
        403, 403, 200, 200, 200);
    route("DELETE /fitness/users/{id}", c -> {
      Account owner = c == Caller.OWN ? freshOwner() : null;
      String target = owner != null ? owner.id() : profile(new JsonObject());
      return new Req(HttpMethod.DELETE, u + target, null, owner);
    }, 200, 403, 403, 200, 403);
    route("GET /fitness/users/{id}/export", c -> new Req(get, u + athlete.id() + "/export", null, athlete),
        200, 403, 403, 200, 403);
    route("POST /fitness/users/{id}/workouts", c -> {
      Account owner = c == Caller.OWN ? freshOwner() : null;
      String target = owner != null ? owner.id() : profile(new JsonObject());
      return new Req(post, u + target + "/workouts", new JsonObject().put("name", "Run").put("workout_type", "cardio"),
          owner);
    }, 201, 403, 201, 201, 403);
    route("GET /fitness/users/{id}/workouts", c -> new Req(get, u + athlete.id() + "/workouts", null, athlete),
        200, 403, 200, 200, 403);
    route("GET /fitness/workouts/{id}", c -> new Req(get, "/fitness/workouts/" + openWorkout, null, athlete),
        200, 403, 200, 200, 403);
    route("PUT /fitness/workouts/{id}/end", c -> {
      Account owner = c == Caller.OWN ? freshOwner() : null;
      String target = owner != null ? owner.id() : profile(new JsonObject());
      return new Req(put, "/fitness/workouts/" + startWorkout(target) + "/end", new JsonObject(), owner);
    }, 200, 403, 200, 200, 403);
    route("POST /fitness/workouts/{id}/exercises", c -> new Req(post, "/fitness/workouts/" + openWorkout + "/exercises",
        new JsonObject().put("name", "squat"), athlete), 201, 403, 201, 201, 403);
    route("POST /fitness/users/{id}/biometrics", c -> new Req(post, u + athlete.id() + "/biometrics",
        new JsonObject().put("biometric_type", "heart_rate").put("value", 120), athlete), 201, 403, 201, 201, 201);
    route("GET /fitness/users/{id}/biometrics", c -> new Req(get, u + athlete.id() + "/biometrics", null, athlete),
        200, 403, 200, 200, 403);
    route("GET /fitness/users/{id}/stats", c -> new Req(get, u + athlete.id() + "/stats", null, athlete),
        200, 403, 200, 200, 403);
    route("GET /fitness/users/{id}/live", c -> new Req(get, u + athlete.id() + "/live", null, athlete),
        200, 403, 200, 200, 403);
    route("GET /fitness/floor", c -> new Req(get, "/fitness/floor", null, athlete), 403, 403, 200, 200, 403);
    route("GET /fitness/replication", c -> new Req(get, "/fitness/replication", null, athlete),
        403, 403, 200, 200, 403);
    route("POST /fitness/classes", c -> {
      count("WITH e AS (UPDATE classes SET ended_at = now() WHERE ended_at IS NULL RETURNING 1) SELECT count(*) FROM e");
      return new Req(post, "/fitness/classes", new JsonObject().put("name", "HIIT"), athlete);
    }, 403, 403, 201, 201, 403);
    route("PUT /fitness/classes/{id}/end", c -> new Req(put, "/fitness/classes/" + startClass() + "/end", null, athlete),
        403, 403, 200, 200, 403);
    route("GET /fitness/classes/{id}", c -> new Req(get, "/fitness/classes/" + someClass, null, athlete),
        403, 403, 200, 200, 403);
    // analysis: any authenticated caller, each about their own profile unless staff name one
    route("POST /fitness/analyze/pose", c -> new Req(post, "/fitness/analyze/pose", new JsonObject()
        .put("exercise_name", "squat").put("pose_landmarks", new JsonObject()
            .put("shoulder", new JsonObject().put("x", 0.5).put("y", 0.3)).put("hip", new JsonObject().put("x", 0.5)
                .put("y", 0.55)).put("knee", new JsonObject().put("x", 0.6).put("y", 0.7))
            .put("ankle", new JsonObject().put("x", 0.55).put("y", 0.9))), athlete), 200, 200, 200, 200, 200);
    route("POST /fitness/analyze/emotional-state", c -> new Req(post, "/fitness/analyze/emotional-state",
        new JsonObject().put("pupil_size", 5.2).put("blink_rate", 18), athlete), 200, 200, 200, 200, 200);
    route("POST /fitness/analyze/stress-level", c -> new Req(post, "/fitness/analyze/stress-level",
        new JsonObject().put("heart_rate", 120), athlete), 200, 200, 200, 200, 200);
    // the floor's tempo is heard by everyone on it; only staff change it
    route("GET /fitness/music", c -> new Req(get, "/fitness/music", null, athlete), 200, 200, 200, 200, 403);
    route("PUT /fitness/music", c -> new Req(put, "/fitness/music", new JsonObject().put("style", "house"), athlete),
        403, 403, 200, 200, 403);
    route("GET /fitness/workouts/{id}/music.mid", c -> new Req(get, withMusic("/fitness/workouts/" + openWorkout
        + "/music.mid"), null, athlete), 200, 403, 200, 200, 403);
    route("GET /fitness/classes/{id}/music.mid", c -> new Req(get, withMusic("/fitness/classes/" + someClass
        + "/music.mid"), null, athlete), 403, 403, 200, 200, 403);
    HttpMethod delete = HttpMethod.DELETE;
    // pairing: an athlete may pair a device or camera track with themself; unpairing is staff work
    route("POST /fitness/devices/{id}/pair", c -> new Req(post, "/fitness/devices/" + deviceId() + "/pair",
        new JsonObject().put("user_id", athlete.id()), athlete), 200, 403, 200, 200, 403);
    route("DELETE /fitness/devices/{id}/pair", c -> new Req(delete, "/fitness/devices/" + pairedDevice() + "/pair", null,
        athlete), 403, 403, 200, 200, 403);
    route("GET /fitness/devices", c -> new Req(get, "/fitness/devices", null, athlete), 403, 403, 200, 200, 403);
    route("PUT /fitness/devices/{id}", c -> new Req(put, "/fitness/devices/" + deviceId(),
        new JsonObject().put("label", "Strap 7"), athlete), 403, 403, 200, 200, 403);
    route("POST /fitness/cameras/{id}/tracks/{id}/pair", c -> new Req(post, "/fitness/cameras/cam1/tracks/"
        + unique("t") + "/pair", new JsonObject().put("user_id", athlete.id()).put("exercise", "squat"), athlete),
        200, 403, 200, 200, 403);
    route("DELETE /fitness/cameras/{id}/tracks/{id}/pair", c -> new Req(delete, "/fitness/cameras/cam1/tracks/"
        + pairedTrack() + "/pair", null, athlete), 403, 403, 200, 200, 403);
  }

  /** A music file path, once its recording holds a bar (the first bar is planned within a bar of the start). */
  private String withMusic(String path) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(api.get(path, adminToken).status()).as(path).isEqualTo(200));
    return path;
  }

  private int devices;

  /** A device id nobody used yet (12 hex digits, like a strap's MAC). */
  private String deviceId() {
    return String.format("C0FFEE%06X", ++devices);
  }

  /** A device the admin paired with the athlete just now. */
  private String pairedDevice() {
    String id = deviceId();
    assertThat(api.post("/fitness/devices/" + id + "/pair", adminToken, new JsonObject().put("user_id", athlete.id()))
        .status()).isEqualTo(200);
    return id;
  }

  private String pairedTrack() {
    String track = unique("t");
    assertThat(api.post("/fitness/cameras/cam1/tracks/" + track + "/pair", adminToken,
        new JsonObject().put("user_id", athlete.id())).status()).isEqualTo(200);
    return track;
  }

  Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Route r : routes) {
      for (Caller c : Caller.values()) {
        out.add(Arguments.of(r.name(), c, r.expected(c)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("cases")
  void callerGetsTheStatusTheRulesSay(String routeName, Caller caller, int expected) {
    Route route = routes.stream().filter(r -> r.name().equals(routeName)).findFirst().orElseThrow();
    Req req = route.prepare().apply(caller);
    String token = switch (caller) {
      case OWN -> route.freshToken() ? login(api, req.owner().username(), req.owner().password()) : req.owner().token();
      case OTHER -> route.freshToken() ? login(api, other.username(), other.password()) : other.token();
      case COACH -> route.freshToken() ? login(api, coach.username(), coach.password()) : coach.token();
      case ADMIN -> route.freshToken() ? login(api, "admin", GatewayTestConfig.ADMIN_PASSWORD) : adminToken;
      case DEVICE -> route.freshToken() ? login(api, device.username(), device.password()) : device.token();
      case NO_TOKEN -> null;
      case REVOKED -> revoked;
    };
    Res res = api.send(req.method(), req.path(), token, req.body());
    assertThat(res.status()).as("%s as %s: %s", routeName, caller, res).isEqualTo(expected);
    if (expected >= 400) {
      String code = switch (expected) {
        case 401 -> "unauthorized";
        case 403 -> "forbidden";
        default -> throw new IllegalStateException();
      };
      assertThat(res.json().getBoolean("success")).isFalse();
      assertThat(res.error().getString("code")).isEqualTo(code);
      assertThat(res.error().getString("message")).isNotBlank();
    }
  }

  @Test
  void coachesChangeAthleteProfilesButNotStaffOrDeviceOnes() {
    Account otherCoach = account("coach");
    for (Account staff : java.util.List.of(otherCoach, device)) {
      Res res = api.put("/fitness/users/" + staff.id() + "/profile", coach.token(),
          new JsonObject().put("username", unique("renamed")));
      assertThat(res.status()).as(res.toString()).isEqualTo(403);
      assertThat(res.error().getString("code")).isEqualTo("forbidden");
    }
    assertThat(count("SELECT count(*) FROM accounts WHERE username = $1", otherCoach.username())).isEqualTo(1);
    assertThat(api.put("/fitness/users/" + coach.id() + "/profile", coach.token(), new JsonObject().put("age", 41))
        .status()).as("a coach's own profile").isEqualTo(200);
    assertThat(api.put("/fitness/users/" + otherCoach.id() + "/profile", adminToken, new JsonObject().put("age", 42))
        .status()).as("the admin's reach").isEqualTo(200);
  }

  @Test
  void theMatrixCoversEveryMountedRoute() throws Exception {
    // the routes FitnessApi mounts, read from the route classes' sources, must all be in the table
    Set<String> mounted = new TreeSet<>();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("router\\.(get|post|put|delete)\\(\"([^\"]+)\"\\)");
    // every *Routes class of the gateway, so a new route group cannot slip past the matrix
    List<java.nio.file.Path> files;
    try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/com/clisonix/edge/gateway"))) {
      files = walk.filter(f -> f.getFileName().toString().endsWith("Routes.java")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(9);
    for (java.nio.file.Path file : files) {
      String src = java.nio.file.Files.readString(file);
      java.util.regex.Matcher m = p.matcher(src);
      while (m.find()) {
        if (m.group(2).startsWith("/fitness")) {
          mounted.add(m.group(1).toUpperCase() + " " + m.group(2).replaceAll(":[A-Za-z_]+", "{id}"));
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    routes.forEach(r -> covered.add(r.name().replace("?query=athlete", "")));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(mounted);
  }
}
