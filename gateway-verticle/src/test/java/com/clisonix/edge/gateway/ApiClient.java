package com.clisonix.edge.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** A blocking view of one gateway's HTTP API for tests: one call, one answer, with the bearer token given. */
public final class ApiClient {
  private final WebClient web;

  public ApiClient(WebClient web) {
    this.web = web;
  }

  /** One answer: status, headers and the raw body, with JSON views of it. */
  public record Res(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body == null || body.length() == 0 ? null : new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    /** The contract's error object ({@code code}, {@code message}, {@code field}). */
    public JsonObject error() {
      JsonObject j = json();
      return j == null ? null : j.getJsonObject("error");
    }

    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public String toString() {
      return status + " " + (body == null ? "" : body.toString());
    }
  }

  public Res get(String path, String token) {
    return send(HttpMethod.GET, path, token, null);
  }

  public Res post(String path, String token, Object body) {
    return send(HttpMethod.POST, path, token, body);
  }

  public Res put(String path, String token, Object body) {
    return send(HttpMethod.PUT, path, token, body);
  }

  public Res delete(String path, String token) {
    return send(HttpMethod.DELETE, path, token, null);
  }

  /**
   * @param body a JsonObject, or a String / Buffer sent verbatim as {@code application/json} (to send what a
   *     JsonObject cannot hold: broken JSON, arrays, oversized bodies), or null for no body
   */
  public Res send(HttpMethod method, String path, String token, Object body) {
    HttpRequest<Buffer> req = web.request(method, path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<Buffer> res;
      if (body == null) {
        res = req.send().await(20, TimeUnit.SECONDS);
      } else {
        Buffer b = body instanceof Buffer buf ? buf
            : body instanceof JsonObject j ? j.toBuffer() : Buffer.buffer(body.toString());
        res = req.putHeader("content-type", "application/json").sendBuffer(b).await(20, TimeUnit.SECONDS);
      }
      return new Res(res.statusCode(), res.headers(), res.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " got no answer: " + e, e);
    }
  }
}
