package com.clisonix.edge.bench.e2e;

import java.util.Locale;

/**
 * The three baselines (issue 9), measured on the harness's own broker and PostgreSQL before the
 * gateway first connects (so the gateway's persistent session queues none of their messages):
 * the broker alone, a COPY consumer, and a naive one-INSERT-per-message bridge.
 */
final class Baselines {
  private final E2eHarness h;
  private int step;

  Baselines(E2eHarness h) {
    this.h = h;
  }

  private LoadPublisher publisher() {
    LoadPublisher p = new LoadPublisher(h.vertx, h.broker.port, E2eHarness.ROOT, h.devices, E2eHarness.BRIDGES,
        i -> h.broker.password(OwnMosquitto.bridge(i)));
    p.connect();
    return p;
  }

  private BaselineSink sink(BaselineSink.Mode mode) throws Exception {
    BaselineSink s = new BaselineSink(mode, h.pg, "baseline");
    s.start(h.vertx, h.broker.port, "gateway", h.broker.password("gateway"), E2eHarness.ROOT);
    return s;
  }

  /** Baseline 1 at {@code rate}: publish to subscriber latency of every message; returns p99 in µs. */
  long brokerLatency(int rate, int seconds) throws Exception {
    BaselineSink s = sink(BaselineSink.Mode.RECEIVE);
    LoadPublisher p = publisher();
    try {
      s.step(++step);
      p.run(rate, 2000, BaselineSink::timed); // warm-up
      Children.sleep(500);
      s.step(++step);
      LoadPublisher.Acked a = p.run(rate, seconds * 1000L, BaselineSink::timed);
      Children.sleep(1000);
      h.report.line(String.format(Locale.ROOT, "baseline1_broker_latency rate=%d hold_s=%d acked=%d received=%d %s",
          rate, seconds, a.count(), s.received.get(), s.latencies.summary()));
      return s.latencies.percentile(0.99);
    } finally {
      p.close();
      s.close();
    }
  }

  /** Baseline 1's throughput: the highest rate the broker hands to one subscriber in full. */
  long brokerThroughput() throws Exception {
    return search(BaselineSink.Mode.RECEIVE, "baseline1_broker");
  }

  /** Baselines 2 (COPY) and 3 (naive): the highest rate stored in full. */
  long store(BaselineSink.Mode mode) throws Exception {
    return search(mode, mode == BaselineSink.Mode.COPY ? "baseline2_copy" : "baseline3_naive");
  }

  private long search(BaselineSink.Mode mode, String name) throws Exception {
    BaselineSink s = sink(mode);
    LoadPublisher p = publisher();
    int start = mode == BaselineSink.Mode.NAIVE ? 500 : h.o.startRate();
    RateSearch search = new RateSearch(start, h.o.maxRate(), 0.15, h.o.quick() ? (mode == BaselineSink.Mode.NAIVE ? 4 : 5) : 8);
    try {
      while (search.next() > 0) {
        int rate = search.next();
        int n = ++step;
        s.step(n);
        LoadPublisher.Acked a = p.run(rate, h.o.searchHoldSeconds() * 1000L, BaselineSink::timed);
        long acked = a.count();
        long t0 = System.currentTimeMillis();
        long[] stored = s.stored(n);
        long last = stored[0];
        long lastChange = t0;
        while (stored[0] < acked && System.currentTimeMillis() - lastChange < 3000
            && System.currentTimeMillis() - t0 < 10_000) {
          Children.sleep(100);
          stored = s.stored(n);
          if (stored[0] != last) {
            last = stored[0];
            lastChange = System.currentTimeMillis();
          }
        }
        long drainMs = System.currentTimeMillis() - t0;
        double achieved = acked / (double) h.o.searchHoldSeconds();
        boolean pass = stored[0] >= acked && drainMs <= 3000 && achieved >= 0.95 * rate;
        search.record(pass);
        h.report.line(String.format(Locale.ROOT, "%s step rate=%d hold_s=%d acked=%d stored=%d extra_rows=%d "
                + "achieved_per_s=%.0f drain_ms=%d %s %s", name, rate, h.o.searchHoldSeconds(), acked, stored[0], stored[1],
            achieved, drainMs, s.latencies.summary(), pass ? "PASS" : "FAIL"));
        // let a failed step's backlog clear before the next
        s.step(-1);
        s.awaitIdle();
      }
    } finally {
      p.close();
      s.close();
    }
    h.report.line(name + "_best_per_s=" + search.best());
    return search.best();
  }
}
