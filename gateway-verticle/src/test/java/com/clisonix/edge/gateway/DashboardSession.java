package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coach at the dashboard: {@code clisonix-edge.jar --demo} with a simulated class, Debian's
 * headless Chromium at 1920x1080 driven over the DevTools protocol and signed in as the coach, the
 * coach's token for API calls, and an MQTT client publishing as a bridge to the demo's broker.
 */
final class DashboardSession implements AutoCloseable {
  static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  static final String ROOT = "gym/demo";
  private static final Pattern BROKER = Pattern.compile("event=demo_broker_started kind=\\S+ port=(\\d+)");
  private static final Duration START = Duration.ofSeconds(150);

  private final Path dir;
  private final Path config;
  private final int httpPort;
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private GatewayProcess gw;
  private String coachPassword;
  private String token;
  private MqttClient mqtt;
  private final Map<Integer, Promise<Void>> acks = new ConcurrentHashMap<>();
  private final Set<Integer> earlyAcks = ConcurrentHashMap.newKeySet();
  private int mqttPort;
  private Process chromium;
  private Cdp page;

  private DashboardSession(Path dir, Path config, int httpPort) {
    this.dir = dir;
    this.config = config;
    this.httpPort = httpPort;
  }

  /** Starts the demo with {@code athletes} simulated athletes and signs the coach in, with Enter. */
  static DashboardSession start(Path dir, int athletes) throws Exception {
    Path browser = BROWSERS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    if (browser == null) {
      fail("no Chromium found at " + BROWSERS + ": install the Debian packages chromium and chromium-driver "
          + "(apt-get install chromium chromium-driver)");
    }
    Path config = dir.resolve("demo.yaml");
    Files.writeString(config, "demo:\n  athletes: " + athletes + "\n");
    // a fixed port, so the page finds the gateway again after a restart
    DashboardSession s = new DashboardSession(dir, config, freePort());
    try {
      s.startGateway();
      s.startBrowser(browser);
      s.signIn();
    } catch (Exception | AssertionError e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void startGateway() throws Exception {
    gw = GatewayProcess.start(dir, Map.of("CLISONIX_HTTP_PORT", Integer.toString(httpPort)), "--demo", "--config",
        config.toString());
    long t0 = System.nanoTime();
    String banner = null;
    while (banner == null && System.nanoTime() - t0 < START.toNanos() && gw.alive()) {
      banner = gw.stdout().stream().filter(l -> l.startsWith("Dashboard: ")).findFirst().orElse(null);
      Thread.sleep(200);
    }
    assertThat(banner).as("demo banner within " + START + "\n" + gw.output()).isNotNull();
    coachPassword = banner.replaceAll(".*coach login: coach / (\\S+).*", "$1");
    mqttPort = gw.stderr().stream().map(BROKER::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group(1)))
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no demo broker port in the log\n" + gw.output()));
    JsonObject t = new JsonObject(send("POST", "/fitness/auth/token", new JsonObject().put("username", "coach")
        .put("password", coachPassword), null));
    token = t.getString("access_token");
    connectMqtt();
  }

  private void startBrowser(Path browser) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
    chromium = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1920,1080", "about:blank")
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    page = Cdp.open(vertx, profile, chromium);
    page.call("Page.enable", new JsonObject());
    // the coach's screen: a 1920x1080 viewport, whatever the headless window's own frame takes
    page.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 1920).put("height", 1080)
        .put("deviceScaleFactor", 1).put("mobile", false));
    page.call("Page.navigate", new JsonObject().put("url", "http://127.0.0.1:" + httpPort + "/"));
    await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(
        page.eval("document.readyState === 'complete' && !!document.getElementById('login-user')")));
  }

  /** Types as a person does and submits with Enter. */
  private void signIn() throws Exception {
    type("login-user", "coach");
    type("login-password", coachPassword);
    key("Enter");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(((Number) eval("document.querySelectorAll('#floor .tile').length")).intValue())
            .as("athletes' tiles\n" + eval("document.body.innerText")).isGreaterThanOrEqualTo(1));
  }

  Object eval(String expression) throws Exception {
    return page.eval(expression);
  }

  JsonObject cdp(String method, JsonObject params) throws Exception {
    return page.call(method, params);
  }

  /** Focuses the element and types the text into it. */
  void type(String elementId, String text) throws Exception {
    eval("document.getElementById('" + elementId + "').focus()");
    page.call("Input.insertText", new JsonObject().put("text", text));
  }

  /** Presses and releases a key on the focused element. */
  void key(String key) throws Exception {
    int code = switch (key) {
      case "Enter" -> 13;
      case "Escape" -> 27;
      case "ArrowRight" -> 39;
      default -> 0;
    };
    for (String type : List.of("keyDown", "keyUp")) {
      JsonObject e = new JsonObject().put("type", type).put("key", key).put("code", key).put("windowsVirtualKeyCode", code);
      if ("Enter".equals(key)) {
        e.put("text", "\r");
      }
      page.call("Input.dispatchKeyEvent", e);
    }
  }

  /** Waits until a JavaScript condition holds in the page. */
  void until(String condition, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
        assertThat(eval("!!(" + condition + ")")).as(condition + "\npage text:\n" + eval("document.body.innerText"))
            .isEqualTo(true));
  }

  /** A PNG of the viewport. */
  void screenshot(Path file) throws Exception {
    String png = page.call("Page.captureScreenshot", new JsonObject().put("format", "png")).getString("data");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(png));
  }

  /** A request as the coach; returns the JSON body (object or array), failing on a non-2xx status. */
  Object api(String method, String path, JsonObject body) throws Exception {
    return Json.decodeValue(send(method, path, body, token));
  }

  private String send(String method, String path, JsonObject body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(15))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()))
        .header("Content-Type", "application/json");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(method + " " + path + ": " + res.body()).isBetween(200, 299);
    return res.body();
  }

  /** Creates an athlete whose zones are known: HRmax as given. */
  String createAthlete(String username, int hrMax) throws Exception {
    JsonObject r = (JsonObject) api("POST", "/fitness/users/profile", new JsonObject().put("username", username)
        .put("email", username + "@it.clisonix.local").put("age", 30).put("gender", "F").put("weight_kg", 62.0)
        .put("max_heart_rate", hrMax));
    return r.getString("user_id");
  }

  /** A heart-rate measurement (GATT 0x2A37, 8-bit value) from a strap, as a bridge publishes it. */
  void publishHeartRate(String bridge, String strap, int bpm) throws Exception {
    String topic = ROOT + "/ble/" + bridge + "/" + strap + "/2a37";
    Buffer payload = Buffer.buffer(new byte[] {0x00, (byte) bpm});
    for (int attempt = 1; ; attempt++) {
      if (mqtt == null || !mqtt.isConnected()) {
        connectMqtt();
      }
      Promise<Void> acked = Promise.promise();
      int id = mqtt.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, false).await(5, TimeUnit.SECONDS);
      acks.put(id, acked);
      if (earlyAcks.remove(id)) {
        acked.tryComplete();
      }
      try {
        acked.future().await(3, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        // the demo's embedded broker now and then stops serving one client's session: start a new one
        if (attempt == 5) {
          throw new AssertionError("the demo broker did not acknowledge " + topic + " in 5 connections", e);
        }
        MqttClient stuck = mqtt;
        mqtt = null;
        stuck.disconnect();
      }
    }
  }

  private void connectMqtt() throws Exception {
    acks.clear();
    earlyAcks.clear();
    MqttClient c = MqttClient.create(vertx, new MqttClientOptions()
        .setClientId("itbridge" + (System.nanoTime() % 1_000_000_000L)).setMaxInflightQueue(10_000));
    c.publishCompletionHandler(id -> {
      Promise<Void> p = acks.remove(id);
      if (p != null) {
        p.tryComplete();
      } else {
        earlyAcks.add(id);
      }
    });
    c.connect(mqttPort, "127.0.0.1").await(10, TimeUnit.SECONDS);
    mqtt = c;
  }

  String token() {
    return token;
  }

  int httpPort() {
    return httpPort;
  }

  Vertx vertx() {
    return vertx;
  }

  /** CPU time the gateway's JVM has used so far. */
  Duration gatewayCpu() {
    return gw.handle().info().totalCpuDuration().orElseThrow(() -> new AssertionError("no CPU time for the gateway"));
  }

  /**
   * Kills the jar with SIGKILL, as a power cut or the OOM killer would, then the demo's own
   * servers it leaves behind (by the ids they had), and starts the jar again on the same port.
   */
  void killAndRestartGateway() throws Exception {
    List<ProcessHandle> servers = new ArrayList<>(gw.handle().descendants().toList());
    servers.addAll(postmasters());
    if (mqtt != null) {
      mqtt.disconnect();
      mqtt = null;
    }
    gw.killHard();
    for (ProcessHandle p : servers) {
      p.destroyForcibly();
    }
    for (ProcessHandle p : servers) {
      p.onExit().get(10, TimeUnit.SECONDS);
    }
    startGateway();
  }

  /**
   * The demo PostgreSQL runs detached from the jar (its data directory is elsewhere): it is the
   * postgres whose binary was unpacked under this session's folder.
   */
  private List<ProcessHandle> postmasters() {
    String binaries = dir.toAbsolutePath().toString() + "/";
    return ProcessHandle.allProcesses().filter(p -> p.info().command()
        .filter(c -> c.startsWith(binaries) && c.endsWith("/bin/postgres")).isPresent()).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (page != null) {
        page.close();
      }
    } finally {
      if (chromium != null) {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
        chromium.waitFor(10, TimeUnit.SECONDS);
      }
      if (gw != null) {
        // an orderly stop also stops the demo's broker, PostgreSQL and Redis
        gw.terminate();
        if (gw.waitFor(60) != 0) {
          System.err.println("gateway exit was not 0\n" + gw.output());
        }
      }
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
