package com.clisonix.edge.bench.e2e;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The gateway's load scenarios: highest exact rate, latency at a set rate, a gym's load, the soak. */
final class Scenarios {
  private final E2eHarness h;

  Scenarios(E2eHarness h) {
    this.h = h;
  }

  /** One step of QoS 1 load through the gateway, checked message by message. */
  record Step(int rate, int holdSeconds, StoreCheck.Outcome outcome, long drainMs, double achieved, String gateway) {
    boolean passed() {
      return outcome.exact() && drainMs <= 3000 && achieved >= 0.95 * rate;
    }

    String line(String name) {
      return String.format(Locale.ROOT, "%s rate=%d hold_s=%d %s achieved_per_s=%.0f drain_ms=%d %s %s", name, rate,
          holdSeconds, outcome, achieved, drainMs, gateway, passed() ? "PASS" : "FAIL");
    }
  }

  Step step(int rate, int holdSeconds) {
    long from = System.currentTimeMillis() - 200;
    E2eHarness.Probe before = h.probe();
    LoadPublisher.Acked acked = h.load.run(rate, holdSeconds * 1000L, null);
    E2eHarness.Probe after = h.probe();
    long drain = h.store.awaitDrain(from, acked.count(), 5000, 60_000);
    StoreCheck.Outcome out = h.store.verify(from, acked);
    Children.sleep(1500); // steps never overlap in time
    return new Step(rate, holdSeconds, out, drain, acked.count() / (double) holdSeconds, E2eHarness.diff(before, after));
  }

  /** The highest rate held for {@code finalHoldSeconds} with every acknowledged message stored exactly once. */
  long highestRate() {
    // warm-up, not counted: every athlete's session loaded, the hot paths compiled
    Step warm = step(Math.min(1000, h.o.startRate()), 5);
    h.report.line(warm.line("e2e_warmup"));
    RateSearch search = new RateSearch(h.o.startRate(), h.o.maxRate(), 0.15, h.o.quick() ? 6 : 8);
    while (search.next() > 0) {
      Step s = step(search.next(), h.o.searchHoldSeconds());
      h.report.line(s.line("e2e_step"));
      search.record(s.passed());
    }
    int rate = search.best();
    if (h.o.searchHoldSeconds() >= h.o.finalHoldSeconds() && rate > 0) {
      h.report.line("e2e_best_per_s=" + rate + " (search steps were full holds)");
      return rate;
    }
    for (int attempt = 0; attempt < 3 && rate > 0; attempt++) {
      Step s = step(rate, h.o.finalHoldSeconds());
      h.report.line(s.line("e2e_hold"));
      if (s.passed()) {
        h.report.line("e2e_best_per_s=" + rate);
        return rate;
      }
      rate = (int) (rate * 0.8);
    }
    h.report.line("e2e_best_per_s=0 (no rate held for " + h.o.finalHoldSeconds() + " s)");
    return 0;
  }

  /**
   * Latency at {@code rate} readings/s in total: the athletes carry {@code rate} minus the probes'
   * share, and {@link E2eHarness#PROBES} probe athletes each send one reading every 1.1 s, so each
   * of their readings comes a full second after their last emission and is emitted at once (the
   * leading edge). Latency is publish to WebSocket frame, on the probes' frames.
   *
   * @return p99 in µs
   */
  long latency(int rate, int seconds) {
    LoadPublisher probes = new LoadPublisher(h.vertx, h.broker.port, E2eHarness.ROOT, h.probeDevices, 2,
        i -> h.broker.password(OwnMosquitto.bridge(i)));
    probes.connect();
    LiveSocket live = new LiveSocket(h.probeUsers);
    live.open(h.vertx, h.gateway.port(), h.adminToken);
    double probeRate = E2eHarness.PROBES / 1.1;
    try {
      // warm-up: every probe athlete gets its session loaded
      probes.run(probeRate, 3000, null);
      Children.sleep(1500);
      live.measure(probes);
      E2eHarness.Probe before = h.probe();
      long from = System.currentTimeMillis() - 200;
      CompletableFuture<LoadPublisher.Acked> bg = CompletableFuture.supplyAsync(
          () -> h.load.run(rate - probeRate, seconds * 1000L, null));
      probes.run(probeRate, seconds * 1000L, null);
      LoadPublisher.Acked acked = bg.join();
      E2eHarness.Probe after = h.probe();
      h.store.awaitDrain(from, acked.count(), 5000, 30_000);
      StoreCheck.Outcome out = h.store.verify(from, acked);
      Children.sleep(1500);
      h.report.line(String.format(Locale.ROOT, "e2e_latency rate=%d hold_s=%d leading_edge %s frames=%d "
              + "trailing_or_unmatched=%d busy_athletes: %s %s", rate, seconds, live.latencies.summary(), live.frames.get(),
          live.trailing.get(), out, E2eHarness.diff(before, after)));
      return live.latencies.percentile(0.99);
    } finally {
      live.close();
      probes.close();
    }
  }

  private CameraPublisher cameras() {
    CameraPublisher cams = new CameraPublisher(h.vertx, h.broker.port, E2eHarness.ROOT, E2eHarness.CAMERAS,
        i -> h.broker.password(OwnMosquitto.camera(i)));
    // each camera's four tracks belong to four of the camera-enabled athletes
    for (int c = 1; c <= E2eHarness.CAMERAS; c++) {
      for (int t = 1; t <= 4; t++) {
        String user = h.users.get((c - 1) * 4 + t - 1).toString();
        Api.Response r = h.api.send("POST", "/fitness/cameras/" + OwnMosquitto.camera(c) + "/tracks/" + t + "/pair",
            h.adminToken, new JsonObject().put("user_id", user).put("exercise", "squat").encode());
        if (r.status() != 200 && r.status() != 201) {
          throw new IllegalStateException("track pairing failed: " + r.status() + " " + r.body());
        }
      }
    }
    return cams;
  }

  /**
   * A gym's floor: every athlete at 1 Hz and four cameras at 30 fps with four people each, for
   * {@code seconds}. Returns the gateway's highest RSS in MB, sampled each second.
   */
  long gymLoad(int seconds, String name) {
    CameraPublisher cams = cameras();
    cams.start(30);
    long[] maxRss = {0};
    long timer = h.vertx.setPeriodic(1000, t -> maxRss[0] = Math.max(maxRss[0], ProcFs.rssKb(h.gateway.pid())));
    try {
      E2eHarness.Probe before = h.probe();
      long from = System.currentTimeMillis() - 200;
      LoadPublisher.Acked acked = h.load.run(h.devices.size(), seconds * 1000L, null);
      E2eHarness.Probe after = h.probe();
      h.store.awaitDrain(from, acked.count(), 5000, 30_000);
      StoreCheck.Outcome out = h.store.verify(from, acked);
      h.report.line(String.format(Locale.ROOT, "%s athletes=%d hz=1 cameras=%d fps=30 people=4 frame_bytes=%d hold_s=%d "
              + "frames_sent=%d frames_acked=%d max_rss_mb=%d hr: %s %s", name, h.devices.size(), E2eHarness.CAMERAS,
          cams.frameBytes(), seconds, cams.sent.get(), cams.acked.get(), maxRss[0] / 1024, out,
          E2eHarness.diff(before, after)));
      return maxRss[0] / 1024;
    } finally {
      h.vertx.cancelTimer(timer);
      cams.stop();
      Children.sleep(1500);
    }
  }

  /**
   * The gym's load for {@code minutes}, one line per minute: RSS, CPU, leading-edge latency of
   * the athletes' frames, and the backlog (acknowledged but not yet stored), which must not grow.
   */
  void soak(int minutes) {
    CameraPublisher cams = cameras();
    cams.start(30);
    LiveSocket live = new LiveSocket(h.users);
    live.open(h.vertx, h.gateway.port(), h.adminToken);
    long from = System.currentTimeMillis() - 200;
    LoadPublisher.Acked acked = new LoadPublisher.Acked(h.devices.size());
    try {
      for (int m = 1; m <= minutes; m++) {
        live.measure(h.load);
        E2eHarness.Probe before = h.probe();
        h.load.run(h.devices.size(), 60_000L, null, acked);
        E2eHarness.Probe after = h.probe();
        long backlog = acked.count() - h.store.count(from);
        h.report.line(String.format(Locale.ROOT, "soak minute=%d backlog=%d frames_sent=%d frames_acked=%d "
                + "live %s trailing=%d %s", m, backlog, cams.sent.get(), cams.acked.get(), live.latencies.summary(),
            live.trailing.get(), E2eHarness.diff(before, after)));
      }
      h.store.awaitDrain(from, acked.count(), 5000, 60_000);
      h.report.line("soak_total " + h.store.verify(from, acked));
    } finally {
      live.close();
      cams.stop();
      Children.sleep(1500);
    }
  }
}
