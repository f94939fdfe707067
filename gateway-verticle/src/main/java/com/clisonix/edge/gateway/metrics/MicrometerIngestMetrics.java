package com.clisonix.edge.gateway.metrics;

import com.clisonix.edge.sensor.ingest.IngestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingestion's counters in the Micrometer registry that {@code /metrics} scrapes, e.g.
 * {@code clisonix_ingest_rejected_total{source,reason}}. Counters are cached per label set, so
 * counting costs a map lookup on the hot path.
 */
public final class MicrometerIngestMetrics implements IngestMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public MicrometerIngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry of the running Vert.x metrics, or a private one when metrics are off (tests). */
  public static MicrometerIngestMetrics fromVertx() {
    MeterRegistry r = BackendRegistries.getDefaultNow();
    return new MicrometerIngestMetrics(r == null ? new SimpleMeterRegistry() : r);
  }

  private void count(String name, String... tags) {
    String key = name + String.join("|", tags);
    counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry)).increment();
  }

  @Override
  public void received(String route) {
    count("clisonix.ingest.messages", "route", route);
  }

  @Override
  public void rejected(String source, String reason) {
    count("clisonix.ingest.rejected", "source", source, "reason", reason);
  }

  @Override
  public void dropped(String field, String reason) {
    count("clisonix.ingest.dropped.fields", "field", field, "reason", reason);
  }

  @Override
  public void implausible(String type) {
    count("clisonix.ingest.implausible", "type", type);
  }

  @Override
  public void unpaired(String kind) {
    count("clisonix.ingest.unpaired", "kind", kind);
  }

  @Override
  public void consentDiscarded() {
    count("clisonix.ingest.consent.discarded");
  }

  @Override
  public void duplicate() {
    count("clisonix.ingest.duplicates");
  }
}
