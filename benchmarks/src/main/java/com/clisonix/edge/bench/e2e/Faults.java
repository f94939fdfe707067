package com.clisonix.edge.bench.e2e;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fault matrix (issue 9) as harness scenarios, each with a pass/fail verdict. Faults are
 * injected only into the instances the harness started. Under QoS 1 load: what the broker
 * acknowledged and what reached the edge store, message by message (lost, duplicated), the time
 * from the end of the fault until readings are stored again, and what clients saw (bridge
 * disconnects, {@code /health/ready} answers other than 200, HTTP errors).
 */
final class Faults {
  static final int RATE = 1000;
  private final E2eHarness h;
  private final List<String> rows = new ArrayList<>();

  Faults(E2eHarness h) {
    this.h = h;
  }

  void runAll() {
    h.report.line("# fault matrix: load " + RATE + " readings/s QoS 1 over " + h.devices.size() + " athletes");
    guarded("gateway_sigkill", () -> underLoad("gateway_sigkill", 40, 10, () -> h.gateway.kill(), () -> {
      h.gateway.start();
      h.gateway.awaitReady(System.nanoTime(), 90);
      h.restartGatewayConnections();
    }));
    guarded("broker_restart", () -> underLoad("broker_restart", 40, 10, () -> h.broker.stop(), () -> {
      Children.sleep(5000);
      h.broker.start();
    }));
    guarded("edge_postgres_restart", () -> underLoad("edge_postgres_restart", 45, 10, () -> h.pg.stop("fast"), () -> {
      Children.sleep(10_000);
      h.pg.start();
    }));
    guarded("redis_down_60s", () -> underLoad("redis_down_60s", 90, 10, () -> h.redis.stop(), () -> {
      Children.sleep(60_000);
      h.redis.start();
    }));
    guarded("clock_jump", this::clockJump);
    guarded("bad_input_flood", this::badInputFlood);
    guarded("http_abuse", this::httpAbuse);
    h.report.line("fault cloud_cut_60s: not run here, see replication ITs (ReplicationTest.aCloudOutageLosesAndDuplicatesNothing)");
    h.report.line("fault disk_nearly_full: not run here, see replication ITs (retention and its report)");
    h.report.line("# fault matrix summary");
    rows.forEach(h.report::line);
  }

  private void guarded(String name, Runnable scenario) {
    try {
      scenario.run();
    } catch (RuntimeException e) {
      rows.add("fault " + name + " ERROR " + e);
      h.report.line("fault " + name + " ERROR " + e);
      e.printStackTrace();
    }
  }

  /** Polls /health/ready every 250 ms while a scenario runs; counts answers other than 200. */
  private final class ReadyWatch {
    final AtomicLong notReady = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    private final long timer;

    ReadyWatch() {
      timer = h.vertx.setPeriodic(250, t -> h.vertx.executeBlocking(() -> {
        samples.incrementAndGet();
        if (h.gateway.status("/health/ready") != 200) {
          notReady.incrementAndGet();
        }
        return null;
      }, false));
    }

    void stop() {
      h.vertx.cancelTimer(timer);
    }
  }

  /**
   * {@code seconds} of load; at {@code faultAt} the fault is injected, then {@code recover} ends
   * it. Recovery time: from the end of the fault until a reading that arrived after it is stored.
   */
  private void underLoad(String name, int seconds, int faultAt, Runnable inject, Runnable recover) {
    long from = System.currentTimeMillis() - 200;
    long disconnectsBefore = h.load.disconnects.get();
    long throttledBefore = h.load.throttled.get();
    ReadyWatch watch = new ReadyWatch();
    CompletableFuture<LoadPublisher.Acked> load = CompletableFuture.supplyAsync(
        () -> h.load.run(RATE, seconds * 1000L, null));
    Children.sleep(faultAt * 1000L);
    inject.run();
    long injected = System.currentTimeMillis();
    recover.run();
    long ended = System.currentTimeMillis();
    long recoveredAt = -1;
    while (System.currentTimeMillis() - ended < 120_000) {
      if (h.store.count(ended) > 0) {
        recoveredAt = System.currentTimeMillis();
        break;
      }
      Children.sleep(100);
    }
    LoadPublisher.Acked acked = load.join();
    // a backlog may take a while on a busy box: "lost" must mean never stored, not stored late
    long drain = h.store.awaitDrain(from, acked.count(), 30_000, 240_000);
    StoreCheck.Outcome out = h.store.verify(from, acked);
    watch.stop();
    long recovery = recoveredAt < 0 ? -1 : recoveredAt - ended;
    boolean pass = out.exact() && recovery >= 0 && recovery <= 10_000;
    String row = String.format(Locale.ROOT, "fault %s fault_ms=%d recovery_ms=%d %s drain_ms=%d "
            + "client_errors: bridge_disconnects=%d not_sent_while_down=%d health_not_ready=%d/%d %s",
        name, ended - injected, recovery, out, drain, h.load.disconnects.get() - disconnectsBefore,
        h.load.throttled.get() - throttledBefore, watch.notReady.get(), watch.samples.get(), pass ? "PASS" : "FAIL");
    rows.add(row);
    h.report.line(row);
    Children.sleep(2000);
  }

  private MqttClient client(String account, String password) {
    MqttClient c = MqttClient.create(h.vertx, new MqttClientOptions().setClientId(account + "-fault-" + System.nanoTime())
        .setUsername(account).setPassword(password).setMaxInflightQueue(20_000).setMaxMessageSize(4 << 20));
    Children.await(c.connect(h.broker.port, "127.0.0.1"), 10_000);
    return c;
  }

  /**
   * The box's clock cannot be moved by the harness (it is the machine's), so the jump is played
   * from the bridges' side: readings whose {@code ts} is 25 h in the past and 10 min in the future
   * (outside the contract's window: rejected and counted), and 23 h in the past and 4 min in the
   * future (inside: stored once each, at their own time).
   */
  private void clockJump() {
    String account = OwnMosquitto.bridge(1);
    MqttClient c = client(account, h.broker.password(account));
    double rejectedBefore = com.clisonix.edge.bench.e2e.PromText.sum(h.gateway.metrics(), "clisonix_ingest_rejected_total");
    long now = System.currentTimeMillis();
    long[] offsets = {-25 * 3_600_000L, 10 * 60_000L, -23 * 3_600_000L, 4 * 60_000L};
    int per = 50;
    // the probe athletes' straps: rows timed 4 min ahead must not fall into a later scenario's
    // window of the load athletes
    for (int k = 0; k < offsets.length; k++) {
      String device = h.probeDevices.get(k);
      for (int i = 0; i < per; i++) {
        String hex = String.format("08%02X%02X00", HrPackets.bpm(i), 0xF0 + k);
        String body = new JsonObject().put("hex", hex).put("ts", now + offsets[k] + i * 1000L).encode();
        Children.await(c.publish(E2eHarness.ROOT + "/ble/" + account + "/" + device + "/2a37/json",
            Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE, false, false), 10_000);
      }
    }
    Children.sleep(4000);
    long[] stored = new long[offsets.length];
    for (int k = 0; k < offsets.length; k++) {
      stored[k] = countEnergy(h.probeDevices.get(k), 0xF0 + k, now + offsets[k] - 1000, now + offsets[k] + per * 1000L + 1000);
    }
    double rejected = PromText.sum(h.gateway.metrics(), "clisonix_ingest_rejected_total") - rejectedBefore;
    Children.await(c.disconnect(), 10_000);
    boolean pass = stored[0] == 0 && stored[1] == 0 && stored[2] == per && stored[3] == per && rejected >= 2 * per;
    String row = String.format(Locale.ROOT, "fault clock_jump ts_minus_25h_stored=%d/0 ts_plus_10min_stored=%d/0 "
            + "ts_minus_23h_stored=%d/%d ts_plus_4min_stored=%d/%d rejected_counted=%.0f lost=%d duplicated=%d %s",
        stored[0], stored[1], stored[2], per, stored[3], per, rejected, Math.max(0, 2 * per - stored[2] - stored[3]),
        Math.max(0, stored[2] + stored[3] - 2 * per), pass ? "PASS" : "FAIL");
    rows.add(row);
    h.report.line(row);
  }

  private long countEnergy(String device, int energy, long fromMs, long toMs) {
    try (java.sql.Connection c = h.pg.connect(E2eHarness.DB); java.sql.PreparedStatement s = c.prepareStatement(
        "SELECT count(*) FROM biometric_data WHERE device_id = ? AND biometric_type = 'energy_expended' AND value = ? "
            + "AND measurement_time BETWEEN ? AND ?")) {
      s.setString(1, device);
      s.setDouble(2, energy);
      s.setTimestamp(3, new java.sql.Timestamp(fromMs));
      s.setTimestamp(4, new java.sql.Timestamp(toMs));
      try (java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Good QoS 1 load while another bridge and a camera flood the broker with what must never stop
   * ingestion: malformed GATT bytes, wrong JSON types, 1 MB payloads (the shipped broker refuses
   * packets over 256 KiB and drops the sender), 10,000 unknown device ids, pose frames with 1,000
   * people and with NaN coordinates. Passes when the good load is stored exactly once and the box
   * stays ready.
   */
  private void badInputFlood() {
    long from = System.currentTimeMillis() - 200;
    ReadyWatch watch = new ReadyWatch();
    double rejectedBefore = PromText.sum(h.gateway.metrics(), "clisonix_ingest_rejected_total");
    double unpairedBefore = PromText.sum(h.gateway.metrics(), "clisonix_ingest_unpaired_total");
    CompletableFuture<LoadPublisher.Acked> load = CompletableFuture.supplyAsync(() -> h.load.run(RATE, 30_000L, null));
    Children.sleep(3000);
    String bridge = OwnMosquitto.bridge(4);
    String camera = OwnMosquitto.camera(4);
    String ble = E2eHarness.ROOT + "/ble/" + bridge + "/";
    String pose = E2eHarness.ROOT + "/camera/" + camera + "/pose";
    Random random = new Random(9);
    long sent = 0;
    long refused = 0;
    MqttClient b = client(bridge, h.broker.password(bridge));
    // malformed GATT: flags promise fields the packet does not have, for paired straps
    for (int i = 0; i < 10_000; i++) {
      byte[] junk = new byte[1 + random.nextInt(3)];
      junk[0] = (byte) 0x19; // uint16 heart rate, energy and RR present: needs at least 5 bytes
      b.publish(ble + h.devices.get(i % h.devices.size()) + "/2a37", Buffer.buffer(junk), MqttQoS.AT_LEAST_ONCE, false, false);
      sent++;
    }
    // wrong JSON types on the hex envelope
    for (int i = 0; i < 2_000; i++) {
      String body = i % 2 == 0 ? "{\"hex\":12345,\"ts\":\"yesterday\"}" : "{\"hex\":[1,2],\"ts\":{}}";
      b.publish(ble + h.devices.get(i % h.devices.size()) + "/2a37/json", Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE,
          false, false);
      sent++;
    }
    // 10,000 unknown device ids with valid packets
    for (int i = 0; i < 10_000; i++) {
      b.publish(ble + String.format("unknown%05d", i) + "/2a37", Buffer.buffer(HrPackets.packet(i)), MqttQoS.AT_LEAST_ONCE,
          false, false);
      sent++;
    }
    Children.sleep(2000);
    // 1 MB payloads: the broker drops the client (max_packet_size 256 KiB)
    for (int i = 0; i < 3; i++) {
      MqttClient big = client(bridge, h.broker.password(bridge));
      CompletableFuture<Void> closed = new CompletableFuture<>();
      big.closeHandler(v -> closed.complete(null));
      big.publish(ble + h.devices.get(0) + "/2a37", Buffer.buffer(new byte[1 << 20]), MqttQoS.AT_LEAST_ONCE, false, false);
      try {
        closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
        refused++;
      } catch (Exception e) {
        big.disconnect();
      }
    }
    MqttClient cam = client(camera, h.broker.password(camera));
    String thousand = crowdFrame(1000, false);
    String nan = crowdFrame(4, true);
    int crowdSent = 0;
    for (int i = 0; i < 20; i++) {
      if (thousand.length() < 256 * 1024) {
        cam.publish(pose, Buffer.buffer(thousand), MqttQoS.AT_LEAST_ONCE, false, false);
        crowdSent++;
      }
      cam.publish(pose, Buffer.buffer(nan), MqttQoS.AT_LEAST_ONCE, false, false);
      sent += 2;
    }
    LoadPublisher.Acked acked = load.join();
    long drain = h.store.awaitDrain(from, acked.count(), 10_000, 120_000);
    StoreCheck.Outcome out = h.store.verify(from, acked);
    watch.stop();
    Children.sleep(2000);
    String m = h.gateway.metrics();
    double rejected = PromText.sum(m, "clisonix_ingest_rejected_total") - rejectedBefore;
    double unpaired = PromText.sum(m, "clisonix_ingest_unpaired_total") - unpairedBefore;
    b.disconnect();
    cam.disconnect();
    boolean pass = out.exact() && h.gateway.alive() && watch.notReady.get() == 0 && refused == 3;
    String row = String.format(Locale.ROOT, "fault bad_input_flood bad_messages=%d one_mb_refused_by_broker=%d/3 "
            + "crowd_frame_bytes=%d crowd_frames_sent=%d rejected_counted=%.0f unpaired_counted=%.0f good_load: %s drain_ms=%d "
            + "health_not_ready=%d/%d %s", sent, refused, thousand.length(), crowdSent, rejected, unpaired, out, drain,
        watch.notReady.get(), watch.samples.get(), pass ? "PASS" : "FAIL");
    rows.add(row);
    h.report.line(row);
  }

  /** A pose frame of {@code people} COCO-17 people (three numbers a row, four decimals), or NaN coordinates. */
  static String crowdFrame(int people, boolean nan) {
    StringBuilder s = new StringBuilder("{\"ts\":").append(System.currentTimeMillis())
        .append(",\"frame\":1,\"width\":1280,\"height\":720,\"people\":[");
    for (int p = 0; p < people; p++) {
      s.append(p == 0 ? "" : ",").append("{\"track\":\"").append(p + 1).append("\",\"format\":\"coco17\",\"landmarks\":[");
      for (int r = 0; r < 17; r++) {
        s.append(r == 0 ? "" : ",").append(nan && r == 5 ? "[NaN,NaN,0.9]" : "[0.5123,0.4321,0.9]");
      }
      s.append("]}");
    }
    return s.append("]}").toString();
  }

  private record Expect(String what, String method, String path, String token, String body, int status) {
  }

  /**
   * HTTP abuse against the API, while nothing else runs: every answer must be the contract's
   * status, never a 5xx, and nothing may be written by a rejected request.
   */
  private void httpAbuse() {
    Api api = h.api;
    String admin = h.adminToken;
    // an athlete with a password, to try another user's data
    String name = h.run + "-mallory";
    Api.Response made = api.send("POST", "/fitness/users/profile", admin, new JsonObject().put("username", name)
        .put("email", name + "@bench.invalid").put("password", "mallory-password-1").encode());
    String mallory = api.token(name, "mallory-password-1");
    String victim = h.users.get(0).toString();
    String[] parts = admin.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    String expired = sign(parts[0], claims.copy().put("exp", System.currentTimeMillis() / 1000 - 3600)
        .put("iat", System.currentTimeMillis() / 1000 - 7200), h.jwtSecret);
    String wrongKey = sign(parts[0], claims, "another-secret-another-secret-another-secret");
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64(claims.copy().put("role", "admin").encode().getBytes(StandardCharsets.UTF_8)) + ".";
    String huge = new JsonObject().put("username", "x".repeat(1 << 20)).encode();
    String sqlName = "robert'); DROP TABLE fitness_users;--";
    List<Expect> cases = List.of(
        new Expect("wrong_types", "POST", "/fitness/users/profile", admin,
            "{\"username\":42,\"email\":[\"a\"],\"age\":\"old\"}", 400),
        new Expect("wrong_type_age", "POST", "/fitness/users/profile", admin,
            "{\"username\":\"" + h.run + "-t\",\"email\":\"" + h.run + "-t@bench.invalid\",\"age\":\"forty\"}", 400),
        new Expect("not_json", "POST", "/fitness/users/profile", admin, "{\"username\":", 400),
        new Expect("huge_body", "POST", "/fitness/users/profile", admin, huge, 413),
        new Expect("sql_like_search", "GET", "/fitness/users?query=" + java.net.URLEncoder.encode("' OR 1=1;--",
            StandardCharsets.UTF_8), admin, null, 200),
        new Expect("sql_like_id", "GET", "/fitness/users/" + java.net.URLEncoder.encode("1' OR '1'='1",
            StandardCharsets.UTF_8) + "/profile", admin, null, 404),
        new Expect("no_token", "GET", "/fitness/users/" + victim + "/profile", null, null, 401),
        new Expect("forged_alg_none", "GET", "/fitness/users/" + victim + "/profile", none, null, 401),
        new Expect("expired", "GET", "/fitness/users/" + victim + "/profile", expired, null, 401),
        new Expect("wrongly_signed", "GET", "/fitness/users/" + victim + "/profile", wrongKey, null, 401),
        new Expect("another_users_profile", "GET", "/fitness/users/" + victim + "/profile", mallory, null, 403),
        new Expect("another_users_live", "GET", "/fitness/users/" + victim + "/live", mallory, null, 403),
        new Expect("another_users_export", "GET", "/fitness/users/" + victim + "/export", mallory, null, 403),
        new Expect("athlete_pairs_device", "POST", "/fitness/devices/" + h.devices.get(0) + "/pair", mallory,
            new JsonObject().put("user_id", victim).encode(), 403));
    int ok = 0;
    int fiveXx = 0;
    StringBuilder detail = new StringBuilder();
    for (Expect e : cases) {
      Api.Response r = h.api.send(e.method(), e.path(), e.token(), e.body());
      boolean match = r.status() == e.status() || (e.what().equals("sql_like_id") && (r.status() == 400 || r.status() == 404));
      ok += match ? 1 : 0;
      fiveXx += r.status() >= 500 ? 1 : 0;
      detail.append(' ').append(e.what()).append('=').append(r.status()).append(match ? "" : "(expected " + e.status() + ")");
    }
    // an SQL-like name is just a name: stored as given, and the table is still there
    Api.Response sql = h.api.send("POST", "/fitness/users/profile", admin, new JsonObject().put("username", sqlName)
        .put("email", h.run + "-sql@bench.invalid").encode());
    Api.Response still = h.api.send("GET", "/fitness/users/" + victim + "/profile", admin, null);
    boolean sqlOk = (sql.status() == 201 || sql.status() == 200 || sql.status() == 400) && still.status() == 200;
    detail.append(" sql_like_username=").append(sql.status()).append(" table_intact=").append(still.status() == 200);
    boolean pass = ok == cases.size() && fiveXx == 0 && sqlOk && made.status() < 300;
    String row = String.format(Locale.ROOT, "fault http_abuse as_expected=%d/%d server_errors=%d%s %s", ok, cases.size(),
        fiveXx, detail, pass ? "PASS" : "FAIL");
    rows.add(row);
    h.report.line(row);
  }

  private static String sign(String header, JsonObject claims, String secret) {
    String body = header + "." + b64(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return body + "." + b64(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
