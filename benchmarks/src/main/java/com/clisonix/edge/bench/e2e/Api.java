package com.clisonix.edge.bench.e2e;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The gateway's HTTP API as the harness uses it: sign in, sign athletes up, pair cameras. */
final class Api {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Api(String base) {
    this.base = base;
  }

  record Response(int status, String body) {
  }

  Response send(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  String token(String username, String password) {
    Response r = send("POST", "/fitness/auth/token", null,
        new JsonObject().put("username", username).put("password", password).encode());
    if (r.status() != 200) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + r.status() + " " + r.body());
    }
    return new JsonObject(r.body()).getString("access_token");
  }

  /**
   * Creates one athlete per device (the strap in linked_wearables), eight at a time; the first
   * {@code cameraEnabledFirst} consent to the camera. Returns their ids in order.
   */
  List<UUID> athletes(String token, String run, List<String> devices, int cameraEnabledFirst) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<UUID>> out = new ArrayList<>();
      for (int i = 0; i < devices.size(); i++) {
        int n = i;
        out.add(pool.submit(() -> {
          JsonObject body = new JsonObject().put("username", run + "-a" + n).put("email", run + "-a" + n + "@bench.invalid")
              .put("age", 20 + n % 40).put("gender", n % 2 == 0 ? "F" : "M").put("weight_kg", 60 + n % 30)
              .put("camera_enabled", n < cameraEnabledFirst).put("linked_wearables", new JsonObject().put("strap", devices.get(n)));
          Response r = send("POST", "/fitness/users/profile", token, body.encode());
          if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("profile " + n + ": " + r.status() + " " + r.body());
          }
          return UUID.fromString(new JsonObject(r.body()).getString("user_id"));
        }));
      }
      List<UUID> ids = new ArrayList<>();
      for (Future<UUID> f : out) {
        ids.add(f.get());
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign up the athletes", e);
    } finally {
      pool.shutdown();
    }
  }
}
