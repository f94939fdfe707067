package com.clisonix.edge.gateway.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every API response leaves: JSON bodies, and one failure handler that renders {@link ApiException}s. */
public final class ApiResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);

  private ApiResponses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  public static void json(RoutingContext ctx, int status, JsonArray body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  public static void error(RoutingContext ctx, ApiException e) {
    if (ctx.response().ended()) {
      return;
    }
    if (e.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    json(ctx, e.status(), e.toJson());
  }

  /** Installs the error rendering for everything under {@code /fitness}. */
  public static void mountFailureHandler(Router router, int maxBodyBytes) {
    router.route("/fitness/*").failureHandler(ctx -> {
      Throwable failure = ctx.failure();
      if (failure instanceof ApiException api) {
        error(ctx, api);
      } else if (failure instanceof io.vertx.core.json.DecodeException) {
        error(ctx, ApiException.malformedJson("request body is not valid JSON"));
      } else if (ctx.statusCode() == 413) {
        error(ctx, ApiException.tooLarge(maxBodyBytes));
      } else if (ctx.statusCode() == 404) {
        error(ctx, ApiException.notFound("resource"));
      } else if (ctx.statusCode() == 405) {
        error(ctx, new ApiException(405, "method_not_allowed", "method not allowed here", null, null));
      } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
        error(ctx, new ApiException(ctx.statusCode(), "bad_request", "request refused", null, null));
      } else {
        LOG.error("event=api_internal_error method={} path={} error=\"{}\"", ctx.request().method(), ctx.normalizedPath(),
            failure == null ? "status " + ctx.statusCode() : failure.toString(), failure);
        error(ctx, new ApiException(500, "internal_error", "the gateway could not complete the request", null, null));
      }
    });
  }
}
