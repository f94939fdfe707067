package com.clisonix.edge.gateway;

import com.clisonix.edge.gateway.config.ConfigException;
import com.clisonix.edge.gateway.config.ConfigLoader;
import com.clisonix.edge.gateway.config.GatewayConfig;
import com.clisonix.edge.gateway.demo.DemoEnvironment;
import com.clisonix.edge.gateway.demo.DemoFloor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Starts the gateway from the command line. Configuration mistakes end start-up with one line
 * on stderr and exit code 2; SIGTERM and SIGINT stop it in order and exit 0.
 */
public final class Main {
  static final int EXIT_CONFIG = 2;
  static final int EXIT_START_FAILED = 1;
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    StringBuilder error = new StringBuilder();
    Optional<CommandLine> parsed = CommandLine.parse(args, error);
    if (parsed.isEmpty()) {
      System.err.println("clisonix-edge: " + error + "\n" + CommandLine.USAGE);
      System.exit(EXIT_CONFIG);
      return;
    }
    CommandLine cli = parsed.get();
    if (cli.help()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    if (cli.reencrypt()) {
      System.exit(reencrypt(cli));
      return;
    }
    long started = System.nanoTime();
    if (cli.cluster()) {
      if (cli.demo()) {
        System.err.println("clisonix-edge: configuration error: --demo and --cluster do not go together: the demo's "
            + "embedded services belong to one box\n" + CommandLine.USAGE);
        System.exit(EXIT_CONFIG);
        return;
      }
      startClustered(cli, started);
      return;
    }
    Vertx vertx = GatewayVertx.create();
    run(vertx, cli, started, ConfigLoader.load(vertx, cli.effectiveConfigFile()));
  }

  /**
   * The cluster's name and this member's ports are settings, so the configuration is read (and
   * checked) with a short-lived Vert.x before the clustered one joins the gym. Runs on the main
   * thread: the bootstrap's own event loop is gone once it is closed.
   */
  private static void startClustered(CommandLine cli, long started) {
    JsonObject tree;
    GatewayConfig config;
    Vertx bootstrap = Vertx.vertx();
    try {
      tree = ConfigLoader.load(bootstrap, cli.effectiveConfigFile()).await(30, TimeUnit.SECONDS);
      config = GatewayConfig.from(tree, false);
      config.cluster().requireMembers();
    } catch (Exception e) {
      boolean configError = e instanceof ConfigException;
      System.err.println("clisonix-edge: " + (configError ? "configuration error: " : "start-up failed: ") + oneLine(e));
      closeQuietly(bootstrap);
      System.exit(configError ? EXIT_CONFIG : EXIT_START_FAILED);
      return;
    }
    closeQuietly(bootstrap);
    LOG.info("event=cluster_joining gym={} node={} members={} port={} eventbus_port={}", config.gym().id(),
        config.gym().nodeId(), config.cluster().members(), config.cluster().port(), config.cluster().eventBusPort());
    Vertx vertx;
    try {
      vertx = GatewayVertx.createClustered(config.gym().id(), config.gym().nodeId(), config.cluster())
          .await(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("clisonix-edge: start-up failed: could not join the cluster of gym " + config.gym().id()
          + " (members " + config.cluster().members() + "): " + oneLine(e));
      System.exit(EXIT_START_FAILED);
      return;
    }
    run(vertx, cli, started, Future.succeededFuture(tree));
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debug("bootstrap close", e);
    }
  }

  private static void run(Vertx vertx, CommandLine cli, long started, Future<JsonObject> configTree) {
    DemoEnvironment demo = cli.demo() ? new DemoEnvironment() : null;
    configTree
        .compose(tree -> demo == null ? Future.succeededFuture(tree) : demo.start(vertx, tree))
        .compose(tree -> GatewayApplication.start(vertx, tree, cli.demo(),
            demo == null ? null : demo.secrets().coachPassword()))
        .compose(app -> (cli.demo() ? awaitReady(vertx, app).compose(v -> DemoFloor.start(vertx, app.config(),
            demo.athletes())) : Future.succeededFuture()).map(v -> app))
        .onSuccess(app -> {
          long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          LOG.info("event=gateway_started gym={} node={} http_port={} demo={} cluster={} start_ms={}",
              app.config().gym().id(), app.config().gym().nodeId(), app.httpPort(), cli.demo(), vertx.isClustered(), ms);
          installStopSignals(vertx, app, demo);
          if (demo != null) {
            String scheme = app.config().http().tls() ? "https" : "http";
            System.out.println("Dashboard: " + scheme + "://127.0.0.1:" + app.httpPort() + "/  coach login: coach / "
                + demo.secrets().coachPassword());
            System.out.flush();
          }
        })
        .onFailure(err -> {
          boolean config = err instanceof ConfigException;
          System.err.println("clisonix-edge: " + (config ? "configuration error: " : "start-up failed: ") + oneLine(err));
          LOG.debug("start-up failure", err);
          vertx.close().onComplete(ar -> {
            if (demo != null) {
              demo.stopBlocking();
            }
            System.exit(config ? EXIT_CONFIG : EXIT_START_FAILED);
          });
        });
  }

  /**
   * {@code --reencrypt}: brings each store to the current schema, then rewrites every encrypted
   * value under the current key (docs/encryption.md, "Rotation"). Prints one line per column and a
   * total; exit 0 when done, 2 for a configuration mistake, 1 when a value could not be opened.
   */
  static int reencrypt(CommandLine cli) {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject tree = ConfigLoader.load(vertx, cli.effectiveConfigFile()).await(60, TimeUnit.SECONDS);
      com.clisonix.edge.gateway.config.GatewayConfig config = com.clisonix.edge.gateway.config.GatewayConfig.from(tree, false);
      if (!config.encryption().hasLookupKey()) {
        byte[] key = com.clisonix.edge.gateway.store.LookupKeyStore.resolve(config.edgeDb(), config.encryption().cipher());
        tree.put("encryption", tree.getJsonObject("encryption", new JsonObject()).copy()
            .put("lookup_key", java.util.Base64.getEncoder().encodeToString(key)));
        config = com.clisonix.edge.gateway.config.GatewayConfig.from(tree, false);
      }
      com.clisonix.edge.gateway.crypto.StoreCrypto crypto = config.encryption().crypto();
      com.clisonix.edge.gateway.store.ReEncryptor re = new com.clisonix.edge.gateway.store.ReEncryptor(crypto.cipher());
      java.util.Map<String, com.clisonix.edge.gateway.config.PgUri> stores = new java.util.LinkedHashMap<>();
      stores.put("edge", config.edgeDb());
      if (config.cloudDb() != null) {
        stores.put("cloud", config.cloudDb());
      }
      for (var store : stores.entrySet()) {
        com.clisonix.edge.gateway.store.SchemaMigrator.migrateBlocking(store.getValue(),
            store.getKey().equals("edge") ? com.clisonix.edge.gateway.store.SchemaMigrator.Target.EDGE
                : com.clisonix.edge.gateway.store.SchemaMigrator.Target.CLOUD, crypto);
        com.clisonix.edge.gateway.store.ReEncryptor.Report report = re.run(store.getValue());
        if (store.getKey().equals("edge")
            && com.clisonix.edge.gateway.store.LookupKeyStore.rewrap(store.getValue(), crypto.cipher())) {
          System.out.println("reencrypt edge store_secrets.lookup_key rewrapped");
        }
        for (String line : report.lines().split("\n")) {
          System.out.println("reencrypt " + store.getKey() + " " + line);
        }
        System.out.println("reencrypt " + store.getKey() + " done key=" + crypto.cipher().currentKeyId() + " values="
            + report.seen() + " rewritten=" + report.rewritten());
      }
      return 0;
    } catch (Exception e) {
      Throwable t = e;
      while (!(t instanceof ConfigException) && t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      boolean config = t instanceof ConfigException;
      System.err.println("clisonix-edge: " + (config ? "configuration error: " : "re-encryption failed: ")
          + oneLine(config ? t : e));
      return config ? EXIT_CONFIG : EXIT_START_FAILED;
    } finally {
      vertx.close();
    }
  }

  /** The demo's banner promises a working box: wait until the broker link is up (at most 10 s). */
  private static Future<Void> awaitReady(Vertx vertx, GatewayApplication app) {
    io.vertx.core.Promise<Void> ready = io.vertx.core.Promise.promise();
    long deadline = System.currentTimeMillis() + 10_000;
    vertx.setPeriodic(0, 100, id -> vertx.eventBus()
        .<JsonObject>request(com.clisonix.edge.sensor.ingest.MqttIngestVerticle.STATUS_ADDRESS, null)
        .onComplete(ar -> {
          boolean up = ar.succeeded() && ar.result().body().getBoolean("connected", false);
          if (up || System.currentTimeMillis() > deadline) {
            vertx.cancelTimer(id);
            ready.tryComplete();
          }
        }));
    return ready.future();
  }

  private static void installStopSignals(Vertx vertx, GatewayApplication app, DemoEnvironment demo) {
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (!stopping.compareAndSet(false, true)) {
        return;
      }
      LOG.info("event=gateway_stopping");
      CountDownLatch done = new CountDownLatch(1);
      app.stop()
          .eventually(vertx::close)
          .onComplete(ar -> {
            if (ar.failed()) {
              LOG.warn("event=gateway_stop_incomplete error=\"{}\"", oneLine(ar.cause()));
            }
            done.countDown();
          });
      try {
        if (!done.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          LOG.error("event=gateway_stop_timeout seconds={}", STOP_TIMEOUT_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (demo != null) {
        demo.stopBlocking();
      }
      LOG.info("event=gateway_stopped");
      System.out.flush();
      System.err.flush();
      // Exit explicitly: the JVM's default SIGTERM handling would end with status 143.
      Runtime.getRuntime().halt(0);
    };
    // The JVM runs a signal handler on a daemon thread: once Vert.x has closed, nothing else keeps the
    // JVM alive, so it could exit mid-stop (demo services still running, the last log line lost). The
    // stop gets a thread of its own that is not a daemon; it ends the JVM itself with halt(0).
    Signal.handle(new Signal("TERM"), sig -> startStop(stop));
    Signal.handle(new Signal("INT"), sig -> startStop(stop));
  }

  private static void startStop(Runnable stop) {
    Thread t = new Thread(stop, "gateway-stop");
    t.setDaemon(false);
    t.start();
  }

  private static String oneLine(Throwable err) {
    Throwable t = err;
    String msg = t.getMessage();
    while ((msg == null || msg.isBlank()) && t.getCause() != null) {
      t = t.getCause();
      msg = t.getMessage();
    }
    if (msg == null) {
      msg = t.getClass().getSimpleName();
    }
    return msg.replaceAll("\\s+", " ").trim();
  }
}
