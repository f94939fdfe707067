package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar clisonix-edge.jar --demo} from an empty folder, with nothing configured: embedded
 * broker, PostgreSQL and Redis, the banner within 15 s, ready, and an orderly exit 0 on SIGTERM.
 */
class DemoJarIT {

  @Test
  void demoStartsFromNothingAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    long t0 = System.nanoTime();
    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of("CLISONIX_HTTP_PORT", "0"), "--demo")) {
      String banner = null;
      while (banner == null && System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos()) {
        banner = gw.stdout().stream().filter(l -> l.startsWith("Dashboard: ")).findFirst().orElse(null);
        if (!gw.alive()) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(banner).as("banner within 15 s\n" + gw.output()).isNotNull();
      assertThat(banner).matches("Dashboard: http://127\\.0\\.0\\.1:\\d+/  coach login: coach / \\S{8,}");
      int port = Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));

      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      JsonObject health = new JsonObject(client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/fitness/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(health.getJsonObject("dependencies").getString("redis")).as("embedded redis-server").isEqualTo("up");
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);

      // generated secrets are kept in the demo's folder and never logged
      JsonObject secrets = new JsonObject(Files.readString(dir.resolve(".clisonix-demo/secrets.json")));
      assertThat(banner).contains(secrets.getString("coach_password"));
      gw.terminate();
      assertThat(gw.waitFor(30)).as(gw.output()).isZero();
      assertThat(gw.stderr()).anyMatch(l -> l.contains("event=gateway_stopped"));
      String all = gw.output();
      assertThat(all).doesNotContain(secrets.getString("jwt_secret"))
          .doesNotContain(secrets.getString("admin_password"))
          .doesNotContain(secrets.getString("encryption_keys").substring(6));
    }
  }
}
