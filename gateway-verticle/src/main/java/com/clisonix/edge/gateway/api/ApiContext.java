package com.clisonix.edge.gateway.api;

import com.clisonix.edge.gateway.auth.PasswordHasher;
import com.clisonix.edge.gateway.auth.RevocationList;
import com.clisonix.edge.gateway.auth.SharedCounters;
import com.clisonix.edge.gateway.auth.TokenService;
import com.clisonix.edge.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/** What the API's route groups share: the edge pool, token and limit services, configuration. */
public record ApiContext(Vertx vertx, GatewayConfig config, Pool edge, TokenService tokens, RevocationList revocations,
    SharedCounters counters, PasswordHasher hasher) {

  /** PBKDF2 is deliberately slow: always off the event loop. */
  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }

  public Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(() -> hasher.verify(password, hash), false);
  }
}
