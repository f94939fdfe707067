package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach dashboard in a real browser: Debian's headless Chromium, driven over the Chrome
 * DevTools protocol, against {@code clisonix-edge.jar --demo}. The coach signs in with Enter, the
 * simulated athletes' tiles appear, and a tile's heart rate changes live.
 */
@Tag("system")
class DashboardBrowserIT {
  private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

  @Test
  void aCoachSignsInAndWatchesTheFloorLive(@TempDir Path dir) throws Exception {
    Path browser = BROWSERS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    if (browser == null) {
      fail("no Chromium found at " + BROWSERS + ": install the Debian packages chromium and chromium-driver "
          + "(apt-get install chromium chromium-driver)");
    }
    long t0 = System.nanoTime();
    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of("CLISONIX_HTTP_PORT", "0"), "--demo")) {
      String banner = null;
      while (banner == null && System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos() && gw.alive()) {
        banner = gw.stdout().stream().filter(l -> l.startsWith("Dashboard: ")).findFirst().orElse(null);
        Thread.sleep(100);
      }
      assertThat(banner).as("demo banner\n" + gw.output()).isNotNull();
      int port = Integer.parseInt(banner.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
      String coachPassword = banner.replaceAll(".*coach login: coach / (\\S+).*", "$1");

      Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
      Process chromium = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1920,1080", "about:blank")
          .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
      Vertx vertx = Vertx.vertx();
      try {
        Cdp page = Cdp.open(vertx, profile, chromium);
        page.call("Page.enable", new JsonObject());
        // the coach's screen: a 1920x1080 viewport, whatever the headless window's own frame takes
        page.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 1920).put("height", 1080)
            .put("deviceScaleFactor", 1).put("mobile", false));
        page.call("Page.navigate", new JsonObject().put("url", "http://127.0.0.1:" + port + "/"));
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(
            page.eval("document.readyState === 'complete' && !!document.getElementById('login-user')")));

        // type as a person does, and submit with Enter
        page.eval("document.getElementById('login-user').focus()");
        page.call("Input.insertText", new JsonObject().put("text", "coach"));
        page.eval("document.getElementById('login-password').focus()");
        page.call("Input.insertText", new JsonObject().put("text", coachPassword));
        for (String type : List.of("keyDown", "keyUp")) {
          page.call("Input.dispatchKeyEvent", new JsonObject().put("type", type).put("key", "Enter").put("code", "Enter")
              .put("windowsVirtualKeyCode", 13).put("text", "\r"));
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
            assertThat(((Number) page.eval("document.querySelectorAll('#floor .tile').length")).intValue())
                .as("athletes' tiles\n" + page.eval("document.body.innerText")).isGreaterThanOrEqualTo(5));
        assertThat(page.eval("getComputedStyle(document.getElementById('login-view')).display")).isEqualTo("none");
        assertThat(page.eval("sessionStorage.getItem('clisonix.token') !== null")).isEqualTo(true);

        String userId = (String) page.eval("document.querySelector('#floor .tile').dataset.userId");
        String hrOf = "document.querySelector('#floor .tile[data-user-id=\"" + userId + "\"] .hr').textContent";
        String first = (String) page.eval(hrOf);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
            .until(() -> !first.equals(page.eval(hrOf)));
        assertThat((String) page.eval(hrOf)).as("a number of beats per minute").matches("\\d{2,3}");
        assertThat((String) page.eval("document.querySelector('#floor .tile[data-user-id=\"" + userId
            + "\"] .zone').textContent")).as("the zone as a number, not only a colour").matches("Z[1-5]|–");
        assertThat(page.eval("document.getElementById('conn').textContent")).isEqualTo("Live");
        // the layout on this 1920x1080 window: grid columns times the rows that fit below the header
        JsonObject layout = new JsonObject((String) page.eval("(() => { const f = document.getElementById('floor');"
            + " const cs = getComputedStyle(f); return JSON.stringify({cols: cs.gridTemplateColumns.split(' ').length,"
            + " row: parseFloat(cs.gridAutoRows), gap: parseFloat(cs.rowGap), top: f.getBoundingClientRect().top,"
            + " width: window.innerWidth, height: window.innerHeight}); })()"));
        int rows = (int) ((layout.getDouble("height") - layout.getDouble("top") + layout.getDouble("gap"))
            / (layout.getDouble("row") + layout.getDouble("gap")));
        int fits = layout.getInteger("cols") * rows;
        assertThat(fits).as("tiles that fit on one 1920x1080 screen: " + layout).isGreaterThanOrEqualTo(60);
        // kept with the build's output, for a person to look at the floor as the coach sees it
        String png = page.call("Page.captureScreenshot", new JsonObject().put("format", "png")).getString("data");
        Files.write(Path.of("target", "dashboard-floor.png"), java.util.Base64.getDecoder().decode(png));
        page.close();
      } finally {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
        chromium.waitFor(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    }
  }

  /** One page target of the browser over the DevTools protocol: a request and its answer, matched by id. */
  static final class Cdp {
    private final WebSocketClient client;
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Promise<JsonObject>> pending = new ConcurrentHashMap<>();

    private Cdp(WebSocketClient client, WebSocket ws) {
      this.client = client;
      this.ws = ws;
      ws.textMessageHandler(text -> {
        JsonObject msg = new JsonObject(text);
        Promise<JsonObject> p = msg.containsKey("id") ? pending.remove(msg.getInteger("id")) : null;
        if (p != null) {
          if (msg.containsKey("error")) {
            p.fail(msg.getJsonObject("error").encode());
          } else {
            p.complete(msg.getJsonObject("result"));
          }
        }
      });
    }

    static Cdp open(Vertx vertx, Path profile, Process chromium) throws Exception {
      Path portFile = profile.resolve("DevToolsActivePort");
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        if (!chromium.isAlive()) {
          throw new AssertionError("chromium exited with " + chromium.exitValue());
        }
        return Files.exists(portFile) && !Files.readAllLines(portFile).isEmpty();
      });
      int port = Integer.parseInt(Files.readAllLines(portFile, StandardCharsets.UTF_8).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      JsonArray targets = new JsonArray(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
      JsonObject target = targets.stream().map(JsonObject.class::cast).filter(t -> "page".equals(t.getString("type")))
          .findFirst().orElseThrow(() -> new AssertionError("no page target: " + targets));
      URI url = URI.create(target.getString("webSocketDebuggerUrl"));
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
          .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
      WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort())
          .setURI(url.getPath())).await(10, TimeUnit.SECONDS);
      return new Cdp(client, ws);
    }

    JsonObject call(String method, JsonObject params) throws Exception {
      int id = ids.incrementAndGet();
      Promise<JsonObject> p = Promise.promise();
      pending.put(id, p);
      ws.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
      return p.future().await(15, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page. */
    Object eval(String expression) throws Exception {
      JsonObject r = call("Runtime.evaluate", new JsonObject().put("expression", expression).put("returnByValue", true));
      if (r.containsKey("exceptionDetails")) {
        throw new AssertionError(expression + ": " + r.getJsonObject("exceptionDetails").encode());
      }
      return r.getJsonObject("result").getValue("value");
    }

    void close() throws Exception {
      ws.close().await(5, TimeUnit.SECONDS);
      client.close().await(5, TimeUnit.SECONDS);
    }
  }
}
