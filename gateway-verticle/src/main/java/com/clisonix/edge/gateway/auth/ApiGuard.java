package com.clisonix.edge.gateway.auth;

import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.config.AuthOptions;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of every protected route: a valid, unrevoked bearer token (401 otherwise), then the
 * per-user rate limit shared through Redis (429 with Retry-After).
 */
public final class ApiGuard implements Handler<RoutingContext> {
  private static final long MINUTE_MS = 60_000;

  private final TokenService tokens;
  private final RevocationList revocations;
  private final SharedCounters counters;
  private final AuthOptions options;

  public ApiGuard(TokenService tokens, RevocationList revocations, SharedCounters counters, AuthOptions options) {
    this.tokens = tokens;
    this.revocations = revocations;
    this.counters = counters;
    this.options = options;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      ctx.fail(ApiException.unauthorized("a bearer token is required"));
      return;
    }
    String token = header.substring(7).trim();
    tokens.verify(token)
        .recover(err -> io.vertx.core.Future.failedFuture(ApiException.unauthorized("the token is invalid or expired")))
        .compose(p -> revocations.isRevoked(p).compose(revoked -> revoked
            ? io.vertx.core.Future.failedFuture(ApiException.unauthorized("the token has been revoked"))
            : io.vertx.core.Future.succeededFuture(p)))
        .compose(p -> {
          int limit = p.is(Role.DEVICE) ? options.deviceRequestsPerMinute() : options.requestsPerMinute();
          return counters.increment("rate:" + p.limitKey(), MINUTE_MS).compose(w -> {
            ctx.response().putHeader("X-RateLimit-Limit", Integer.toString(limit));
            ctx.response().putHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, limit - w.count())));
            if (w.count() > limit) {
              int retry = (int) Math.max(1, (w.resetInMs() + 999) / 1000);
              return io.vertx.core.Future.failedFuture(ApiException.rateLimited(
                  "more than " + limit + " requests per minute", retry));
            }
            return io.vertx.core.Future.succeededFuture(p);
          });
        })
        .onSuccess(p -> {
          ctx.put(Access.KEY, p);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }
}
