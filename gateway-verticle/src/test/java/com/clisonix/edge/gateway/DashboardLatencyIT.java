package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark harness, not a timed assertion: sensor publish to tile update in the browser at 60
 * athletes, and the gateway's CPU per connected dashboard. It prints its figures (recorded in
 * BENCHMARKS.md) and checks only that it measured something.
 *
 * <p>54 simulated athletes load the floor; 6 probe athletes wear straps driven by this test. Each
 * probe publishes a new heart rate every 1.5 s, so every probe reading arrives more than a second
 * after that athlete's last emission and is emitted at once (the leading edge); no reading waits
 * for coalescing. The page records, with a MutationObserver, when each probe tile's heart rate
 * changes, in {@code performance.timeOrigin + performance.now()}: the browser's own clock mapped to
 * the wall clock that this JVM stamps each publish with (same machine, same clock).
 */
@Tag("system")
class DashboardLatencyIT {
  static final int PROBES = 6;
  static final int ATHLETES = 60;
  static final Duration RUN = Duration.ofSeconds(Long.getLong("dashboard.bench.seconds", 90));
  static final long PERIOD_MS = 1500;
  static final int EXTRA_DASHBOARDS = 10;
  static final Duration CPU_WINDOW = Duration.ofSeconds(30);

  @Test
  void publishToTileLatencyAndCpuPerDashboardAtSixtyAthletes(@TempDir Path dir) throws Exception {
    try (DashboardSession s = DashboardSession.start(dir, ATHLETES - PROBES)) {
      List<String> users = new ArrayList<>();
      List<String> straps = new ArrayList<>();
      for (int i = 0; i < PROBES; i++) {
        String strap = String.format(Locale.ROOT, "BE0C%08d", i);
        String user = s.createAthlete("probe_" + i, 190);
        s.api("POST", "/fitness/devices/" + strap + "/pair", new JsonObject().put("user_id", user));
        users.add(user);
        straps.add(strap);
      }
      for (int i = 0; i < PROBES; i++) {
        s.publishHeartRate("bench-bridge", straps.get(i), 100);
      }
      s.until("document.querySelectorAll('#floor .tile').length >= " + ATHLETES, Duration.ofSeconds(90));
      Thread.sleep(1500);

      s.eval("(() => { const probes = new Set(" + new JsonArray(users).encode() + "); window.__seen = [];"
          + " new MutationObserver(muts => { const t = performance.timeOrigin + performance.now();"
          + " for (const m of muts) { const el = m.target.nodeType === 3 ? m.target.parentElement : m.target;"
          + " if (!el || !el.classList || !el.classList.contains('hr')) continue;"
          + " const tile = el.closest('.tile'); if (!tile || !probes.has(tile.dataset.userId)) continue;"
          + " window.__seen.push([tile.dataset.userId, el.textContent, t]); } })"
          + ".observe(document.getElementById('floor'), {subtree: true, childList: true, characterData: true}); })()");

      // the two clocks: how far the page's reading of the wall clock is from this JVM's
      double skew = clockSkew(s);

      long wallBase = System.currentTimeMillis();
      long nanoBase = System.nanoTime();
      List<double[]> published = new ArrayList<>(); // probe index, bpm, wall ms
      int[] last = new int[PROBES];
      long slot = PERIOD_MS / PROBES;
      long end = System.nanoTime() + RUN.toNanos();
      for (long k = 0; System.nanoTime() < end; k++) {
        int p = (int) (k % PROBES);
        int bpm = 110 + (int) ((k / PROBES) % 60);
        if (bpm == last[p]) {
          bpm++;
        }
        last[p] = bpm;
        double wall = wallBase + (System.nanoTime() - nanoBase) / 1e6;
        s.publishHeartRate("bench-bridge", straps.get(p), bpm);
        published.add(new double[] {p, bpm, wall});
        long next = nanoBase + (k + 1) * slot * 1_000_000L;
        long sleep = (next - System.nanoTime()) / 1_000_000L;
        if (sleep > 0) {
          Thread.sleep(sleep);
        }
      }
      Thread.sleep(3000);
      JsonArray seen = new JsonArray((String) s.eval("JSON.stringify(window.__seen)"));

      Map<String, List<double[]>> byUser = new HashMap<>(); // user -> [bpm, wall ms]
      for (Object o : seen) {
        JsonArray e = (JsonArray) o;
        if (e.getString(1).matches("\\d+")) {
          byUser.computeIfAbsent(e.getString(0), u -> new ArrayList<>())
              .add(new double[] {Integer.parseInt(e.getString(1)), e.getDouble(2)});
        }
      }
      List<Double> latencies = new ArrayList<>();
      int missing = 0;
      for (double[] pub : published) {
        String user = users.get((int) pub[0]);
        double shown = byUser.getOrDefault(user, List.of()).stream()
            .filter(v -> v[0] == pub[1] && v[1] >= pub[2] - 1).mapToDouble(v -> v[1]).min().orElse(Double.NaN);
        // a reading shown only after its successor was published has not been matched to itself
        if (Double.isNaN(shown) || shown - pub[2] > PERIOD_MS) {
          missing++;
        } else {
          latencies.add(shown - pub[2]);
        }
      }
      latencies.sort(Double::compare);
      assertThat(latencies).as("probe readings seen on the page").hasSizeGreaterThan(published.size() / 2);

      // gateway CPU: the page alone, then the page and ten more dashboards on the live socket
      double withOne = cpuShare(s, CPU_WINDOW);
      WebSocketClient client = s.vertx().createWebSocketClient();
      AtomicLong frames = new AtomicLong();
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < EXTRA_DASHBOARDS; i++) {
        WebSocket ws = client.connect(s.httpPort(), "127.0.0.1", "/fitness/live/ws").await(10, TimeUnit.SECONDS);
        ws.textMessageHandler(t -> frames.incrementAndGet());
        ws.writeTextMessage(new JsonObject().put("token", s.token()).encode());
        sockets.add(ws);
      }
      Thread.sleep(2000);
      long framesBefore = frames.get();
      double withMore = cpuShare(s, CPU_WINDOW);
      long framesPerSecond = (frames.get() - framesBefore) / CPU_WINDOW.toSeconds() / EXTRA_DASHBOARDS;
      for (WebSocket ws : sockets) {
        ws.close();
      }
      client.close().await(5, TimeUnit.SECONDS);
      assertThat(framesPerSecond).as("frames per second per extra dashboard").isGreaterThan(0);

      System.out.printf(Locale.ROOT, "%nDASHBOARD LATENCY (publish -> tile text changed, %d athletes, %d probes, %d s)%n"
              + "  readings published %d, matched %d, unmatched %d, page/JVM clock skew %.1f ms%n"
              + "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n"
              + "DASHBOARD CPU (gateway JVM, %d s windows)%n"
              + "  1 dashboard: %.1f %% of one core; 1 + %d dashboards: %.1f %% of one core%n"
              + "  per extra dashboard: %.2f %% of one core (%d frames/s each)%n%n",
          ATHLETES, PROBES, RUN.toSeconds(), published.size(), latencies.size(), missing, skew,
          pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1),
          CPU_WINDOW.toSeconds(), withOne, EXTRA_DASHBOARDS, withMore,
          (withMore - withOne) / EXTRA_DASHBOARDS, framesPerSecond);
    }
  }

  /** Half the round trip bounds it: the page's wall clock minus the JVM's at the middle of the call. */
  private static double clockSkew(DashboardSession s) throws Exception {
    double best = Double.NaN;
    double bestRtt = Double.MAX_VALUE;
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      double wall0 = System.currentTimeMillis();
      double page = ((Number) s.eval("performance.timeOrigin + performance.now()")).doubleValue();
      double rtt = (System.nanoTime() - t0) / 1e6;
      if (rtt < bestRtt) {
        bestRtt = rtt;
        best = page - (wall0 + rtt / 2);
      }
    }
    return best;
  }

  /** The gateway's CPU time over a window, in percent of one core. */
  private static double cpuShare(DashboardSession s, Duration window) throws Exception {
    Duration c0 = s.gatewayCpu();
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    Duration c1 = s.gatewayCpu();
    return 100.0 * c1.minus(c0).toNanos() / (System.nanoTime() - t0);
  }

  private static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
