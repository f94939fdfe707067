package com.clisonix.edge.gateway.live;

import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.auth.Principal;
import com.clisonix.edge.gateway.auth.RevocationList;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.auth.TokenService;
import com.clisonix.edge.gateway.livecache.LiveCacheVerticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /fitness/live/ws}: the floor's live data for the dashboard (contract section 4). A
 * browser cannot set an Authorization header on a WebSocket, so the token arrives in the first
 * text frame; a bad one closes the socket with 4401. Afterwards every {@code floor.metrics},
 * {@code floor.events} and {@code music.tempo} message becomes one text frame
 * {@code {"type","data"}}, filtered by role: an athlete gets only their own metrics and events,
 * coaches and admins everything, device accounts nothing (closed with 4403). The socket is closed
 * with 4401 when its token expires.
 *
 * <p>One dashboard on a bad Wi-Fi link must not hold up the event loop or the other dashboards:
 * each client has a bounded queue in front of the socket. When the socket's write queue is full,
 * frames wait there; when that queue is full too, the oldest metrics frame goes first (a newer
 * one of the same athlete follows anyway), events are kept. A client that cannot even keep up
 * with the events is closed (1008); the page reconnects and reloads the floor. Drops are counted
 * in {@code clisonix_live_dropped_total}.
 *
 * <p>The bus consumers exist only while a client is connected, so a gateway nobody watches does
 * not encode frames for nobody.
 *
 * <p>Start state: right after sign-in a client gets one metrics frame per athlete it may see from
 * the live cache (the last five minutes, kept in Redis across restarts, or this box's memory while
 * Redis is down), so its tiles are filled at once rather than at each athlete's next reading. An
 * athlete whose live frame reached the client first is skipped: nothing older overwrites it.
 */
public final class LiveFeed {
  public static final String PATH = "/fitness/live/ws";
  public static final String METRICS_ADDRESS = "floor.metrics";
  public static final String EVENTS_ADDRESS = "floor.events";
  public static final String TEMPO_ADDRESS = "music.tempo";
  public static final short BAD_TOKEN = 4401;
  public static final short FORBIDDEN = 4403;
  public static final short TOO_SLOW = 1008;
  /** Frames a client may have waiting before metrics are dropped (about 16 s of a 60-athlete floor). */
  public static final int DEFAULT_QUEUE = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

  private final Vertx vertx;
  private final TokenService tokens;
  private final RevocationList revocations;
  private final int maxQueued;
  private final long authTimeoutMs;
  private final Counter dropped;
  private final Counter closedSlow;
  private final Set<Client> clients = new HashSet<>();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

  public LiveFeed(Vertx vertx, TokenService tokens, RevocationList revocations) {
    this(vertx, tokens, revocations, DEFAULT_QUEUE, 10_000);
  }

  public LiveFeed(Vertx vertx, TokenService tokens, RevocationList revocations, int maxQueued, long authTimeoutMs) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.revocations = revocations;
    this.maxQueued = maxQueued;
    this.authTimeoutMs = authTimeoutMs;
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry == null) {
      registry = new SimpleMeterRegistry();
    }
    this.dropped = Counter.builder("clisonix.live.dropped").description("live metrics frames dropped for slow clients")
        .register(registry);
    this.closedSlow = Counter.builder("clisonix.live.closed.slow")
        .description("live clients closed because they could not keep up with the events").register(registry);
  }

  /** Mounted ahead of the /fitness body handler and bearer guard: this route authenticates in its first frame. */
  public void mount(Router router) {
    router.get(PATH).handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader("Upgrade");
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      ctx.fail(new ApiException(400, "websocket_required", "this endpoint speaks WebSocket only", null, null));
      return;
    }
    ctx.request().toWebSocket().onSuccess(this::accept).onFailure(ctx::fail);
  }

  private void accept(ServerWebSocket ws) {
    Client client = new Client(ws);
    long timer = vertx.setTimer(authTimeoutMs, t -> {
      if (client.principal == null && !client.closed) {
        client.close(BAD_TOKEN, "no token received");
      }
    });
    ws.closeHandler(v -> {
      vertx.cancelTimer(timer);
      vertx.cancelTimer(client.expiry);
      client.closed = true;
      clients.remove(client);
      if (clients.isEmpty()) {
        unsubscribe();
      }
    });
    ws.exceptionHandler(err -> LOG.debug("event=live_socket_error error=\"{}\"", err.toString()));
    ws.textMessageHandler(text -> {
      if (client.authenticating || client.principal != null) {
        return; // the token frame is the only one a client sends; later ones mean nothing
      }
      client.authenticating = true;
      authenticate(text).onComplete(ar -> {
        vertx.cancelTimer(timer);
        if (client.closed) {
          return;
        }
        if (ar.failed()) {
          client.close(BAD_TOKEN, "invalid, expired or revoked token");
        } else if (ar.result().is(Role.DEVICE)) {
          client.close(FORBIDDEN, "device accounts receive no live data");
        } else {
          client.principal = ar.result();
          subscribe();
          clients.add(client);
          sendStartState(client);
          // a socket outlives no token: once it expires the client signs in again
          long left = ar.result().expiresAt() * 1000 - System.currentTimeMillis();
          client.expiry = vertx.setTimer(Math.max(1, left), t -> client.close(BAD_TOKEN, "the token expired"));
        }
      });
    });
    ws.binaryMessageHandler(b -> {
      if (client.principal == null) {
        client.close(BAD_TOKEN, "the first frame must be a text frame with the token");
      }
    });
  }

  private void sendStartState(Client client) {
    client.liveSinceStart = new HashSet<>();
    vertx.eventBus().<JsonArray>request(LiveCacheVerticle.LATEST_ALL_ADDRESS, null,
            new DeliveryOptions().setSendTimeout(2000))
        .onComplete(ar -> {
          Set<String> live = client.liveSinceStart;
          client.liveSinceStart = null;
          if (ar.failed() || client.closed || ar.result().body() == null) {
            return; // no cache (not deployed, or it did not answer): the live frames fill the tiles
          }
          for (Object o : ar.result().body()) {
            if (o instanceof JsonObject m && m.getString("user_id") != null && !live.contains(m.getString("user_id"))
                && client.sees(m.getString("user_id"))) {
              client.send(new JsonObject().put("type", "metrics").put("data", m).encode(), true);
            }
          }
        });
  }

  private Future<Principal> authenticate(String frame) {
    String token;
    try {
      token = new JsonObject(frame).getString("token");
    } catch (RuntimeException e) {
      return Future.failedFuture("the first frame is not JSON");
    }
    if (token == null || token.isBlank()) {
      return Future.failedFuture("no token");
    }
    return tokens.verify(token).compose(p -> revocations.isRevoked(p)
        .compose(revoked -> revoked ? Future.failedFuture("revoked") : Future.succeededFuture(p)));
  }

  private void subscribe() {
    if (!consumers.isEmpty()) {
      return;
    }
    consumers.add(vertx.eventBus().consumer(METRICS_ADDRESS, m -> dispatch("metrics", m, true)));
    consumers.add(vertx.eventBus().consumer(EVENTS_ADDRESS, m -> dispatch("event", m, true)));
    consumers.add(vertx.eventBus().consumer(TEMPO_ADDRESS, m -> dispatch("tempo", m, false)));
  }

  private void unsubscribe() {
    consumers.forEach(MessageConsumer::unregister);
    consumers.clear();
  }

  private void dispatch(String type, Message<Object> m, boolean personal) {
    if (clients.isEmpty()) {
      return;
    }
    JsonObject data = asJson(m.body());
    if (data == null) {
      return;
    }
    // encoded once for every client
    String text = new JsonObject().put("type", type).put("data", data).encode();
    String userId = personal ? data.getString("user_id") : null;
    boolean metrics = "metrics".equals(type);
    for (Client c : clients) {
      if (!personal || c.sees(userId)) {
        if (metrics && c.liveSinceStart != null && userId != null) {
          c.liveSinceStart.add(userId);
        }
        c.send(text, metrics);
      }
    }
  }

  private static JsonObject asJson(Object body) {
    if (body instanceof JsonObject j) {
      return j;
    }
    if (body == null) {
      return null;
    }
    try {
      return new JsonObject(body.toString());
    } catch (RuntimeException e) {
      LOG.warn("event=live_unreadable_message body_class={}", body.getClass().getName());
      return null;
    }
  }

  /** One frame waiting for a slow socket. */
  private record Frame(String text, boolean metrics) {}

  private final class Client {
    final ServerWebSocket ws;
    final ArrayDeque<Frame> queue = new ArrayDeque<>();
    Principal principal;
    boolean authenticating;
    boolean closed;
    long droppedHere;
    long expiry = -1;
    /** While the start state is being fetched: athletes whose live metrics this client already got. */
    Set<String> liveSinceStart;

    Client(ServerWebSocket ws) {
      this.ws = ws;
      ws.drainHandler(v -> drain());
    }

    boolean sees(String userId) {
      if (principal.is(Role.COACH) || principal.is(Role.ADMIN)) {
        return true;
      }
      return userId != null && principal.userId() != null && principal.userId().toString().equals(userId);
    }

    void send(String text, boolean metrics) {
      if (closed) {
        return;
      }
      if (queue.isEmpty() && !ws.writeQueueFull()) {
        ws.writeTextMessage(text);
        return;
      }
      if (queue.size() >= maxQueued && !makeRoom(metrics)) {
        return;
      }
      queue.add(new Frame(text, metrics));
      if (queue.size() > maxQueued * 4) {
        // only events are left and even those pile up: the client is gone in all but name
        closedSlow.increment();
        close(TOO_SLOW, "too slow for the live events");
      }
    }

    /** Drops the oldest queued metrics frame; false when the new frame itself is the one to drop. */
    boolean makeRoom(boolean incomingMetrics) {
      for (Iterator<Frame> it = queue.iterator(); it.hasNext(); ) {
        if (it.next().metrics()) {
          it.remove();
          countDrop();
          return true;
        }
      }
      if (incomingMetrics) {
        countDrop();
        return false;
      }
      return true; // an event with only events queued: kept, up to the hard limit
    }

    void countDrop() {
      droppedHere++;
      dropped.increment();
    }

    void drain() {
      while (!queue.isEmpty() && !ws.writeQueueFull() && !closed) {
        ws.writeTextMessage(queue.poll().text());
      }
    }

    void close(short code, String reason) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      clients.remove(this);
      if (clients.isEmpty()) {
        unsubscribe();
      }
      if (droppedHere > 0) {
        LOG.info("event=live_client_closed code={} dropped={}", code, droppedHere);
      }
      ws.close(code, reason);
    }
  }
}
