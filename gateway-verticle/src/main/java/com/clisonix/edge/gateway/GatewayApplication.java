package com.clisonix.edge.gateway;

import com.clisonix.edge.analysis.hr.HeartRateConfig;
import com.clisonix.edge.analysis.session.AthleteRouterVerticle;
import com.clisonix.edge.analysis.session.AthleteSessionVerticle;
import com.clisonix.edge.gateway.analysis.ProfileSnapshotVerticle;
import com.clisonix.edge.gateway.auth.PasswordHasher;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.cluster.ClusterMembershipVerticle;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.http.HttpServerVerticle;
import com.clisonix.edge.gateway.journal.ReadingJournalVerticle;
import com.clisonix.edge.gateway.livecache.EncryptedCacheValueCodec;
import com.clisonix.edge.gateway.store.LookupKeyStore;
import java.util.Base64;
import com.clisonix.edge.gateway.livecache.LiveCacheVerticle;
import com.clisonix.edge.gateway.metrics.MicrometerIngestMetrics;
import com.clisonix.edge.gateway.music.MusicRepository;
import com.clisonix.edge.gateway.music.MusicStoreVerticle;
import com.clisonix.edge.gateway.pairing.PairingVerticle;
import com.clisonix.edge.gateway.replication.ReplicatorVerticle;
import com.clisonix.edge.gateway.stats.StatsAggregatorVerticle;
import com.clisonix.edge.gateway.store.AccountRepository;
import com.clisonix.edge.gateway.store.SchemaMigrator;
import com.clisonix.edge.sensor.ingest.MqttIngestOptions;
import com.clisonix.edge.music.MusicVerticle;
import com.clisonix.edge.sensor.ingest.MqttIngestVerticle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the gateway up in dependency order (schema, accounts, pairing registry, journal, replication, stats,
 * profile snapshots, live cache, athlete actors, ingestion, music, HTTP) and down in the reverse order: HTTP closes,
 * ingestion stops taking MQTT messages and waits until the journal has committed (and so acknowledged) what was in flight, the journal
 * writes its open batch, and the pools close last.
 */
public final class GatewayApplication {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayApplication.class);

  /** Athlete shards: as many as the event loops of a default Vert.x (two per core). */
  static final int ATHLETE_SHARDS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Deque<String> deployments = new ArrayDeque<>();
  /** Readings this box's athlete actors have analysed since start (in a cluster: of the athletes it owned). */
  private final LongAdder readingsAnalysed = new LongAdder();
  private Pool edge;

  private GatewayApplication(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public GatewayConfig config() {
    return config;
  }

  /**
   * @param tree the merged configuration tree; {@link GatewayConfig#from} validates it first, so a
   *     configuration mistake fails the returned future with a ConfigException before anything starts
   * @param demoCoachPassword when not null, a {@code coach} account with this password is ensured
   */
  public static Future<GatewayApplication> start(Vertx vertx, JsonObject tree, boolean demo, String demoCoachPassword) {
    GatewayConfig config;
    try {
      config = GatewayConfig.from(tree, demo);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (!config.encryption().hasLookupKey()) {
      // the keyed hashes need it from the first migration on: read (or make) the store's own
      return vertx.executeBlocking(() -> LookupKeyStore.resolve(config.edgeDb(), config.encryption().cipher()), false)
          .onSuccess(key -> LOG.info("event=lookup_key source=edge_store"))
          .compose(key -> {
            JsonObject withKey = tree.copy();
            JsonObject enc = withKey.getJsonObject("encryption", new JsonObject()).copy();
            withKey.put("encryption", enc.put("lookup_key", Base64.getEncoder().encodeToString(key)));
            return start(vertx, withKey, demo, demoCoachPassword);
          });
    }
    GatewayApplication app = new GatewayApplication(vertx, config);
    JsonObject verticleConfig = tree.copy().put("demo", demo);
    return SchemaMigrator.migrate(vertx, config.edgeDb(), SchemaMigrator.Target.EDGE, config.encryption().crypto())
        .onSuccess(r -> LOG.info("event=schema_migrated target=edge db={} applied={} version={}", config.edgeDb(),
            r.migrationsExecuted, r.targetSchemaVersion))
        .compose(r -> {
          app.edge = PgBuilder.pool()
              .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(config.edgePoolSize()))
              .connectingTo(config.edgeDb().connectOptions())
              .using(vertx)
              .build();
          return app.bootstrapAccounts(demoCoachPassword);
        })
        .compose(v -> app.deploy(new PairingVerticle(), verticleConfig))
        // measured before the journal starts, so a store already at its limit refuses from the first batch
        .compose(v -> app.deploy(new com.clisonix.edge.gateway.retention.RetentionVerticle(), verticleConfig))
        .compose(v -> app.deploy(new ReadingJournalVerticle(), verticleConfig))
        // only with a cloud database; it stops before the journal, whose last batch it need not wait for
        .compose(v -> config.cloudDb() == null ? Future.<Void>succeededFuture()
            : app.deploy(new ReplicatorVerticle(), verticleConfig))
        .compose(v -> app.deploy(new StatsAggregatorVerticle(), verticleConfig))
        .compose(v -> app.deploy(new ProfileSnapshotVerticle(), verticleConfig))
        // before the actors and ingestion, so it sees their first metrics and readings; stops after them
        .compose(v -> app.deploy(new LiveCacheVerticle(new EncryptedCacheValueCodec(config.encryption().crypto().cipher())),
            verticleConfig))
        .compose(v -> app.deployAthleteActors(config))
        .compose(v -> app.deploy(new MqttIngestVerticle(MicrometerIngestMetrics.fromVertx()), mqttLinkConfig(config)))
        .compose(v -> app.deploy(new MusicStoreVerticle(), verticleConfig))
        // after the store (it keeps what the music records) and the MQTT link (it carries the retained tempo)
        .compose(v -> app.deployMusic(config))
        .compose(v -> app.deploy(new HttpServerVerticle(), verticleConfig))
        .map(v -> app)
        .recover(err -> app.stop().transform(ar -> Future.failedFuture(err)));
  }

  /**
   * The music, with the coach's saved settings over the configured ones and the recordings that
   * were open when the box stopped.
   */
  private Future<Void> deployMusic(GatewayConfig config) {
    MusicRepository music = new MusicRepository(edge);
    JsonObject musicConfig = config.musicVerticleConfig();
    return music.prune()
        .compose(v -> music.settings())
        .compose(saved -> {
          saved.ifPresent(s -> s.forEach(e -> musicConfig.put(e.getKey(), e.getValue())));
          return music.openSessions();
        })
        .compose(open -> deploy(new MusicVerticle(), musicConfig.put("resume", open)));
  }

  static JsonObject mqttLinkConfig(GatewayConfig config) {
    return new MqttIngestOptions(config.mqtt().host(), config.mqtt().port(), config.mqtt().tls(),
        config.mqtt().username(), config.mqtt().password(), config.gym().mqttClientId(), config.mqtt().root(),
        config.mqtt().theengsTopics(), MqttIngestOptions.DEFAULT_KEEP_ALIVE_SECONDS, 250, 30_000).toJson();
  }

  /**
   * One athlete shard per event loop (each deployment gets its own loop, so shards run in
   * parallel and each owns its athletes alone), then the router that feeds them. Both come before
   * ingestion so the first decoded reading has an owner. In a cluster the membership comes first:
   * the router starts from its table of which athletes this box owns.
   */
  private Future<Void> deployAthleteActors(GatewayConfig config) {
    int shards = ATHLETE_SHARDS;
    boolean clustered = vertx.isClustered();
    Future<Void> chain = clustered
        ? deploy(new ClusterMembershipVerticle(), new JsonObject().put("node_id", config.gym().nodeId()))
        : Future.succeededFuture();
    for (int i = 0; i < shards; i++) {
      JsonObject conf = new JsonObject().put("shard", i).put("shards", shards).put("mqtt_root", config.mqtt().root());
      chain = chain.compose(v -> deploy(new AthleteSessionVerticle(HeartRateConfig.defaults(),
          r -> readingsAnalysed.increment()), conf));
    }
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry != null) {
      FunctionCounter.builder("clisonix.athlete.readings.analysed", readingsAnalysed, LongAdder::doubleValue)
          .description("readings applied to an athlete's live state on this box")
          .tag("node", config.gym().nodeId()).register(registry);
    }
    return chain.compose(v -> deploy(new AthleteRouterVerticle(),
        new JsonObject().put("shards", shards).put("cluster", clustered)));
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle, JsonObject conf) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(conf))
        .onSuccess(deployments::push)
        .mapEmpty();
  }

  /** The bootstrap administrator exists from the first start; its password comes from configuration. */
  private Future<Void> bootstrapAccounts(String demoCoachPassword) {
    AccountRepository accounts = new AccountRepository(edge, config.encryption().crypto().hash());
    PasswordHasher hasher = new PasswordHasher();
    Future<Void> admin = vertx.executeBlocking(() -> hasher.hash(config.auth().adminPassword()), false)
        .compose(hash -> accounts.insertIfAbsent("admin", hash, Role.ADMIN, null))
        .onSuccess(created -> {
          if (created) {
            LOG.info("event=account_created username=admin role=admin");
          }
        })
        .mapEmpty();
    if (demoCoachPassword == null) {
      return admin;
    }
    return admin.compose(v -> vertx.executeBlocking(() -> hasher.hash(demoCoachPassword), false))
        .compose(hash -> accounts.insertIfAbsent("coach", hash, Role.COACH, null))
        .mapEmpty();
  }

  /** Readings this box's athlete actors analysed since start; still readable after {@link #stop()}. */
  public long readingsAnalysed() {
    return readingsAnalysed.sum();
  }

  /** The HTTP port actually listened on (differs from the configured one when that was 0). */
  public int httpPort() {
    Object p = vertx.sharedData().getLocalMap(HttpServerVerticle.LOCAL_MAP).get(HttpServerVerticle.ACTUAL_PORT_KEY);
    return p == null ? config.http().port() : (Integer) p;
  }

  /** Undeploys in reverse order of start; the pool closes last. */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(() -> edge == null ? Future.succeededFuture() : edge.close());
  }
}
