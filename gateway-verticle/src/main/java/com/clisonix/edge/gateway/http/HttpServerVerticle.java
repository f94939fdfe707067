package com.clisonix.edge.gateway.http;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.auth.PasswordHasher;
import com.clisonix.edge.gateway.auth.RevocationList;
import com.clisonix.edge.gateway.auth.SharedCounters;
import com.clisonix.edge.gateway.auth.TokenService;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.config.HttpOptions;
import com.clisonix.edge.gateway.health.DependencyProbes;
import com.clisonix.edge.gateway.health.HealthRoutes;
import com.clisonix.edge.gateway.live.LiveFeed;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.redis.client.Redis;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's one HTTP listener: health and metrics now, the {@code /fitness} API, dashboard and
 * WebSocket as they are mounted. Its pools are the application's shared ones (same name, same
 * pool), so another instance of this verticle adds no connections.
 */
public class HttpServerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
  /** Where the listener leaves its actual port (port 0 asks for any free one). */
  public static final String LOCAL_MAP = "clisonix.gateway";
  public static final String ACTUAL_PORT_KEY = "http.actual_port";

  private HttpServer server;
  private Redis redis;
  private Pool cloud;

  @Override
  public Future<?> start() {
    GatewayConfig rt = GatewayConfig.from(config(), config().getBoolean("demo", false));
    HttpOptions http = rt.http();
    Pool edge = PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("edge-db").setMaxSize(rt.edgePoolSize()))
        .connectingTo(rt.edgeDb().connectOptions())
        .using(vertx)
        .build();
    redis = rt.redisUri() == null ? null : Redis.createClient(vertx, rt.redisUri());
    cloud = rt.cloudDb() == null ? null : PgBuilder.pool()
        .with(new PoolOptions().setShared(true).setName("cloud-db-health").setMaxSize(1))
        .connectingTo(rt.cloudDb().connectOptions())
        .using(vertx)
        .build();

    Router router = router(vertx, rt, edge, redis, cloud);

    HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
        .setCompressionSupported(true);
    if (http.tls()) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(http.tlsCert()).setKeyPath(http.tlsKey()));
    }
    return vertx.createHttpServer(options)
        .requestHandler(router)
        .listen()
        .onSuccess(s -> {
          server = s;
          vertx.sharedData().getLocalMap(LOCAL_MAP).put(ACTUAL_PORT_KEY, s.actualPort());
          LOG.info("event=http_listening scheme={} host={} port={}", http.tls() ? "https" : "http", http.host(),
              s.actualPort());
        });
  }

  /** uPlot's release files inside {@code org.webjars.npm:uplot} (version pinned in the parent pom). */
  static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist";

  /**
   * Every route the listener serves, in order. Kept apart from {@link #start()} so that a test can
   * compare exactly this router with the OpenAPI document.
   *
   * @param redis null when none is configured
   * @param cloud null when replication is off
   */
  static Router router(Vertx vertx, GatewayConfig rt, Pool edge, Redis redis, Pool cloud) {
    Router router = Router.router(vertx);
    new HealthRoutes(vertx, new DependencyProbes(vertx, edge, redis, cloud)).mount(vertx, router);
    ApiContext api = new ApiContext(vertx, rt, edge, new TokenService(vertx, rt.auth()),
        new RevocationList(redis, rt.redisKeyPrefix()), new SharedCounters(redis, rt.redisKeyPrefix()), new PasswordHasher());
    // before the /fitness body handler and bearer guard: a browser's WebSocket sends its token in the first frame
    new LiveFeed(vertx, api.tokens(), api.revocations()).mount(router);
    FitnessApi.mount(router, api);
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    new ApiDocsRoutes(vertx).mount(router);
    // the dashboard's chart library, from its webjar: no CDN, the box may be offline
    router.route("/vendor/uplot/*").handler(StaticHandler.create(UPLOT).setCachingEnabled(true));
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(true));
    return router;
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing
        .eventually(() -> redis == null ? Future.succeededFuture() : redis.close())
        .eventually(() -> cloud == null ? Future.succeededFuture() : cloud.close());
  }

}
