package com.clisonix.edge.sensor.ingest;

/** What ingestion counts; the gateway backs it with Micrometer, tests with counters of their own. */
public interface IngestMetrics {
  /** A message arrived on {@code route} (gatt, theengs, pose, eyes, status, unknown). */
  void received(String route);

  /** A payload was refused; {@code source} is the bridge, camera or gateway id. */
  void rejected(String source, String reason);

  /** A field was dropped alone (unusable value) while the rest of its packet was kept. */
  void dropped(String field, String reason);

  /** A reading outside its type's plausible range (kept, but counted). */
  void implausible(String type);

  /** Readings of a device or track that nobody is paired with (not stored). */
  void unpaired(String kind);

  /** Pose or eye data of a user without camera consent, discarded on arrival. */
  void consentDiscarded();

  /** A redelivered or repeated message recognised and not stored again. */
  void duplicate();

  IngestMetrics NONE = new IngestMetrics() {
    public void received(String route) {}

    public void rejected(String source, String reason) {}

    public void dropped(String field, String reason) {}

    public void implausible(String type) {}

    public void unpaired(String kind) {}

    public void consentDiscarded() {}

    public void duplicate() {}
  };
}
