package com.clisonix.edge.sensor.sim;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the floor simulator on its own against a broker, for demos and load runs:
 *
 * <pre>
 * java -cp ... com.clisonix.edge.sensor.sim.FloorSimulatorMain --uri mqtt://user:pw@host:1883 \
 *     --root gym/demo --athletes 200 --seed 1 --duration 60 --rate 1.0
 * </pre>
 *
 * Further options: {@code --cameras N}, {@code --bridges N}, {@code --qos 0|1},
 * {@code --max-in-flight N}, {@code --class-minutes M}. {@code mqtts://} connects with TLS.
 * With the gym's ACL one account may publish only under its own name, so name the bridge and the
 * camera after it ({@code --bridge-ids NAME --camera-ids NAME}), or run one simulator per account.
 * Prints one summary line at the end; exits 1 when nothing could be
 * published or a connection failed.
 */
public final class FloorSimulatorMain {

  private FloorSimulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    JsonObject config;
    long durationS;
    try {
      config = new JsonObject();
      durationS = parse(args, config);
    } catch (IllegalArgumentException e) {
      System.err.println("floor simulator: " + e.getMessage());
      System.err.println("usage: --uri mqtt://user:pw@host:port [--root gym/demo] [--athletes 24] [--seed 1]"
          + " [--duration 60] [--rate 1.0] [--cameras 1] [--bridges 2] [--bridge-ids a,b] [--camera-ids c]"
          + " [--qos 1] [--max-in-flight 256] [--class-minutes 45]");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    int exit = 0;
    try {
      FloorSimulatorVerticle verticle = new FloorSimulatorVerticle();
      String deployment = vertx.deployVerticle(verticle, new io.vertx.core.DeploymentOptions().setConfig(config))
          .await(30, TimeUnit.SECONDS);
      long started = System.nanoTime();
      Thread.sleep(durationS * 1000);
      JsonObject status = vertx.eventBus().<JsonObject>request(config.getString("status_address",
          FloorSimulatorVerticle.STATUS_ADDRESS), null).await(10, TimeUnit.SECONDS).body();
      vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - started) / 1e9;
      long published = status.getLong("published");
      System.out.println(String.format(Locale.ROOT,
          "floor simulator: %d athletes, %.1f s, published %d (%.0f/s), acknowledged %d, in flight %d, "
              + "dropped offline %d, lost %d, failed %d, lag %d ms",
          status.getInteger("athletes"), seconds, published, published / seconds, status.getLong("acknowledged"),
          status.getInteger("in_flight"), status.getLong("dropped_offline"), status.getLong("lost"),
          status.getLong("failed"), status.getLong("lag_ms")));
      if (published == 0 || status.getLong("failed") > 0) {
        exit = 1;
      }
    } catch (Exception e) {
      System.err.println("floor simulator: " + e.getMessage());
      exit = 1;
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    System.exit(exit);
  }

  /** Fills the verticle config from the arguments and returns the duration in seconds. */
  static long parse(String[] args, JsonObject config) {
    long duration = 60;
    boolean uriSeen = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String v = args[++i];
      switch (flag) {
        case "--uri" -> {
          uri(v, config);
          uriSeen = true;
        }
        case "--root" -> config.put("root", v);
        case "--athletes" -> config.put("athletes", Integer.parseInt(v));
        case "--seed" -> config.put("seed", Long.parseLong(v));
        case "--duration" -> duration = Long.parseLong(v);
        case "--rate" -> config.put("rate", Double.parseDouble(v));
        case "--cameras" -> config.put("cameras", Integer.parseInt(v));
        case "--bridges" -> config.put("bridges", Integer.parseInt(v));
        case "--bridge-ids" -> config.put("bridges", new io.vertx.core.json.JsonArray(java.util.List.of(v.split(","))));
        case "--camera-ids" -> config.put("cameras", new io.vertx.core.json.JsonArray(java.util.List.of(v.split(","))));
        case "--qos" -> config.put("qos", Integer.parseInt(v));
        case "--max-in-flight" -> config.put("max_in_flight", Integer.parseInt(v));
        case "--class-minutes" -> config.put("class_minutes", Double.parseDouble(v));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (!uriSeen) {
      throw new IllegalArgumentException("--uri is required");
    }
    if (duration < 1) {
      throw new IllegalArgumentException("--duration must be at least 1 second");
    }
    // Validate the rest now, with the same rules the verticle applies, so a typo fails before connecting.
    FloorSimulatorOptions.fromJson(config);
    return duration;
  }

  /** URI user info is percent-encoded; unlike form encoding, a '+' in it is a plus sign. */
  private static String percentDecode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static void uri(String text, JsonObject config) {
    URI uri = URI.create(text);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("mqtt") && !scheme.equals("mqtts") && !scheme.equals("tcp") && !scheme.equals("ssl")) {
      throw new IllegalArgumentException("--uri must be mqtt://, mqtts://, tcp:// or ssl://");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("--uri has no host");
    }
    boolean tls = scheme.equals("mqtts") || scheme.equals("ssl");
    config.put("host", uri.getHost()).put("tls", tls).put("port", uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883);
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      String user = colon < 0 ? info : info.substring(0, colon);
      config.put("username", percentDecode(user));
      if (colon >= 0) {
        config.put("password", percentDecode(info.substring(colon + 1)));
      }
    }
  }
}
