package com.clisonix.edge.gateway;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One page target of the browser over the DevTools protocol: a request and its answer, matched by id. */
final class Cdp {
  private final WebSocketClient client;
  private final WebSocket ws;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, Promise<JsonObject>> pending = new ConcurrentHashMap<>();

  private Cdp(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(text -> {
      JsonObject msg = new JsonObject(text);
      Promise<JsonObject> p = msg.containsKey("id") ? pending.remove(msg.getInteger("id")) : null;
      if (p != null) {
        if (msg.containsKey("error")) {
          p.fail(msg.getJsonObject("error").encode());
        } else {
          p.complete(msg.getJsonObject("result"));
        }
      }
    });
  }

  static Cdp open(Vertx vertx, Path profile, Process chromium) throws Exception {
    Path portFile = profile.resolve("DevToolsActivePort");
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      if (!chromium.isAlive()) {
        throw new AssertionError("chromium exited with " + chromium.exitValue());
      }
      return Files.exists(portFile) && !Files.readAllLines(portFile).isEmpty();
    });
    int port = Integer.parseInt(Files.readAllLines(portFile, StandardCharsets.UTF_8).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    JsonArray targets = new JsonArray(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
    JsonObject target = targets.stream().map(JsonObject.class::cast).filter(t -> "page".equals(t.getString("type")))
        .findFirst().orElseThrow(() -> new AssertionError("no page target: " + targets));
    URI url = URI.create(target.getString("webSocketDebuggerUrl"));
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024));
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort())
        .setURI(url.getPath())).await(10, TimeUnit.SECONDS);
    return new Cdp(client, ws);
  }

  JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    Promise<JsonObject> p = Promise.promise();
    pending.put(id, p);
    ws.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
    return p.future().await(15, TimeUnit.SECONDS);
  }

  /** The value of a JavaScript expression in the page. */
  Object eval(String expression) throws Exception {
    JsonObject r = call("Runtime.evaluate", new JsonObject().put("expression", expression).put("returnByValue", true));
    if (r.containsKey("exceptionDetails")) {
      throw new AssertionError(expression + ": " + r.getJsonObject("exceptionDetails").encode());
    }
    return r.getJsonObject("result").getValue("value");
  }

  void close() throws Exception {
    ws.close().await(5, TimeUnit.SECONDS);
    client.close().await(5, TimeUnit.SECONDS);
  }
}
