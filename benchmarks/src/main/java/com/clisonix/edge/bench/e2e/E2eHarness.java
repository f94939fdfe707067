package com.clisonix.edge.bench.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The end-to-end load harness (issue 9). Starts its own PostgreSQL, Redis and Mosquitto (from
 * {@code config/mosquitto/}) on free loopback ports, measures the three baselines on them, then
 * runs the packaged gateway as a child process configured by environment variables and drives
 * it with QoS 1 heart-rate packets: the highest rate stored exactly once, publish to WebSocket
 * latency on leading-edge readings at 2,000 readings/s, the gateway's RSS at a gym's load, and
 * without {@code --quick} a soak and the fault matrix. Ends with the one summary line.
 *
 * <p>Run it with {@code bash benchmarks/run.sh [--quick]}.
 */
public final class E2eHarness {
  static final String ROOT = "gym/demo";
  static final String DB = "clisonix";
  static final int BRIDGES = 4;
  static final int CAMERAS = 4;
  static final int PROBES = 100;
  static final String ADMIN_PASSWORD = "bench-admin-password-" + UUID.randomUUID().toString().substring(0, 8);

  final HarnessOptions o;
  final Report report;
  final String run = "r" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  OwnPostgres pg;
  OwnRedis redis;
  OwnMosquitto broker;
  Vertx vertx;
  GatewayChild gateway;
  Api api;
  String adminToken;
  final List<String> devices = new ArrayList<>();
  final List<String> probeDevices = new ArrayList<>();
  List<UUID> users;
  List<UUID> probeUsers;
  StoreCheck store;
  LoadPublisher load;
  long startToReadyMs = -1;

  E2eHarness(HarnessOptions o) throws Exception {
    this.o = o;
    Files.createDirectories(o.out());
    this.report = new Report(o.out());
    for (int i = 0; i < o.athletes(); i++) {
      devices.add(String.format(Locale.ROOT, "%s-hr%04d", run, i));
    }
    for (int i = 0; i < PROBES; i++) {
      probeDevices.add(String.format(Locale.ROOT, "%s-pr%04d", run, i));
    }
  }

  public static void main(String[] args) throws Exception {
    HarnessOptions o = HarnessOptions.parse(args);
    E2eHarness h = new E2eHarness(o);
    int code = 0;
    try {
      h.run();
    } catch (Throwable t) {
      h.report.line("harness_failed " + t);
      t.printStackTrace();
      code = 1;
    } finally {
      h.shutdown();
    }
    System.exit(code);
  }

  void run() throws Exception {
    report.line("# clisonix end-to-end harness " + Instant.now() + " run=" + run + " quick=" + o.quick()
        + " out=" + o.out());
    startServices();
    long brokerP99 = -1;
    long copyBest = -1;
    long naiveBest = -1;
    Baselines baselines = new Baselines(this);
    boolean measure = !o.faultsOnly() && !o.soakOnly();
    if (measure) {
      // throughput first: the latency hold then runs on warm JVMs and connections
      baselines.brokerThroughput();
      brokerP99 = baselines.brokerLatency(o.latencyRate(), o.latencySeconds());
      copyBest = baselines.store(BaselineSink.Mode.COPY);
      naiveBest = baselines.store(BaselineSink.Mode.NAIVE);
    }
    startGateway();
    long e2e = -1;
    long p99 = -1;
    long rssMb = -1;
    Scenarios scenarios = new Scenarios(this);
    if (measure) {
      e2e = scenarios.highestRate();
      p99 = scenarios.latency(o.latencyRate(), o.latencySeconds());
      rssMb = scenarios.gymLoad(o.gymSeconds(), "gym_load");
    }
    if ((measure || o.soakOnly()) && !o.quick() && o.soakMinutes() > 0) {
      scenarios.soak(o.soakMinutes());
    }
    if (o.faults() || o.faultsOnly()) {
      new Faults(this).runAll();
    }
    report.line("start_to_ready_ms=" + startToReadyMs + " (without --demo, services running, schema migrated)");
    report.line(new SummaryLine(e2e, copyBest, naiveBest, p99, brokerP99, rssMb).format());
  }

  void startServices() throws Exception {
    Path dir = o.out();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    pg = new OwnPostgres(dir.resolve("pg"));
    pg.start();
    pg.createDatabase(DB);
    pg.createDatabase("baseline");
    Files.createDirectories(dir.resolve("redis"));
    redis = new OwnRedis(dir.resolve("redis"));
    redis.start();
    broker = new OwnMosquitto(o.repo(), dir.resolve("mosquitto"), OwnMosquitto.users(BRIDGES, CAMERAS));
    broker.start();
    vertx = Vertx.vertx();
    report.line("services postgres=" + pg.port + " redis=" + redis.port + " mosquitto=" + broker.port
        + " (own instances, loopback)");
  }

  Map<String, String> gatewayEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("CLISONIX_HTTP_PORT", "0");
    env.put("CLISONIX_MQTT_URI", "mqtt://gateway:" + broker.password("gateway") + "@127.0.0.1:" + broker.port);
    env.put("CLISONIX_MQTT_ROOT", ROOT);
    env.put("CLISONIX_EDGE_PG_URI", pg.uri(DB));
    env.put("CLISONIX_REDIS_URI", redis.uri());
    env.put("CLISONIX_GYM_ID", "bench-gym");
    env.put("CLISONIX_NODE_ID", "bench-node");
    env.put("CLISONIX_JWT_SECRET", "bench-jwt-secret-" + UUID.randomUUID() + UUID.randomUUID());
    env.put("CLISONIX_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("CLISONIX_ENCRYPTION_KEYS", "b1:" + Base64.getEncoder().encodeToString(new byte[32]));
    return env;
  }

  void startGateway() {
    GatewayChild.writeConfig(o.repo(), o.out());
    Map<String, String> env = gatewayEnv();
    jwtSecret = env.get("CLISONIX_JWT_SECRET");
    gateway = new GatewayChild(o.jar(), o.out(), env, o.gatewayJvmOpts());
    long t0 = System.nanoTime();
    gateway.start();
    long first = gateway.awaitReady(t0, 120);
    report.line("gateway_first_start_ms=" + first + " (includes creating the schema)");
    api = new Api(gateway.base());
    adminToken = api.token("admin", ADMIN_PASSWORD);
    long s0 = System.nanoTime();
    List<String> all = new ArrayList<>(devices);
    all.addAll(probeDevices);
    List<UUID> ids = api.athletes(adminToken, run, all, 16);
    users = ids.subList(0, devices.size());
    probeUsers = ids.subList(devices.size(), ids.size());
    report.line("signed_up athletes=" + ids.size() + " ms=" + (System.nanoTime() - s0) / 1_000_000);
    // start to ready as an operator sees it: the box restarted on running services
    gateway.stop();
    long t1 = System.nanoTime();
    gateway.start();
    startToReadyMs = gateway.awaitReady(t1, 60);
    report.line("start_to_ready_ms=" + startToReadyMs + " (process start to /health/ready 200, no --demo)");
    api = new Api(gateway.base());
    adminToken = api.token("admin", ADMIN_PASSWORD);
    store = new StoreCheck(pg, DB, users, devices);
    load = new LoadPublisher(vertx, broker.port, ROOT, devices, BRIDGES,
        i -> broker.password(OwnMosquitto.bridge(i)));
    load.connect();
  }

  String jwtSecret;

  void restartGatewayConnections() {
    api = new Api(gateway.base());
    adminToken = api.token("admin", ADMIN_PASSWORD);
  }

  void shutdown() {
    try {
      if (load != null) {
        load.close();
      }
      if (gateway != null) {
        gateway.stop();
      }
    } catch (RuntimeException e) {
      // best effort
    }
    if (broker != null) {
      broker.stop();
    }
    if (redis != null) {
      redis.stop();
    }
    if (pg != null) {
      pg.destroy();
    }
    if (vertx != null) {
      vertx.close();
    }
  }

  /** A snapshot of the gateway's process and counters, to diff around a step. */
  record Probe(long nanos, double cpuSeconds, long rssKb, GcLog.Pauses gc, double rejected, double dropped,
      double liveDropped, double duplicates) {
  }

  Probe probe() {
    String m = gateway.metrics();
    return new Probe(System.nanoTime(), ProcFs.cpuSeconds(gateway.pid()), ProcFs.rssKb(gateway.pid()),
        GcLog.pauses(gateway.gcText()), PromText.sum(m, "clisonix_ingest_rejected_total"),
        PromText.sum(m, "clisonix_ingest_dropped_fields_total"), PromText.sum(m, "clisonix_live_dropped_total"),
        PromText.sum(m, "clisonix_ingest_duplicates_total"));
  }

  static String diff(Probe a, Probe b) {
    double wall = (b.nanos() - a.nanos()) / 1e9;
    return String.format(Locale.ROOT, "cpu_pct=%.0f rss_mb=%d gc_pauses=%d gc_total_ms=%.1f gc_max_ms=%.1f "
            + "rejected=%.0f dropped_fields=%.0f live_dropped=%.0f redeliveries_recognised=%.0f",
        100 * (b.cpuSeconds() - a.cpuSeconds()) / wall, b.rssKb() / 1024, b.gc().count() - a.gc().count(),
        b.gc().totalMs() - a.gc().totalMs(), b.gc().maxMs(), b.rejected() - a.rejected(), b.dropped() - a.dropped(),
        b.liveDropped() - a.liveDropped(), b.duplicates() - a.duplicates());
  }

  static JsonObject json(String s) {
    return new JsonObject(s);
  }
}
