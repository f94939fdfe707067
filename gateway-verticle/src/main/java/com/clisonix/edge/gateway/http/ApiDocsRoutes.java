package com.clisonix.edge.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The API's own description, public like the health routes: {@code GET /openapi.yaml} and
 * {@code GET /docs}, Swagger UI served from its webjar (the box may have no internet, so no CDN).
 * Our page and initializer under {@code /docs/} come first and shadow the webjar's, which point at
 * a demo document elsewhere; every other file under {@code /docs/} is the webjar's.
 */
public final class ApiDocsRoutes {
  /** Where the OpenAPI document lives on the classpath. */
  public static final String DOCUMENT = "openapi/openapi.yaml";
  /** Must follow the swagger-ui version in the parent pom: the webjar keeps its files under it. */
  static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1";
  private static final String PAGES = "openapi/docs";

  private final Vertx vertx;
  private Future<Buffer> document;
  private Future<Buffer> page;

  public ApiDocsRoutes(Vertx vertx) {
    this.vertx = vertx;
  }

  public void mount(Router router) {
    router.get("/openapi.yaml").handler(ctx -> send(ctx, document(), "application/yaml"));
    router.get("/docs").handler(ctx -> send(ctx, page(), "text/html; charset=utf-8"));
    router.route("/docs/*").handler(StaticHandler.create(PAGES));
    router.route("/docs/*").handler(StaticHandler.create(SWAGGER_UI));
  }

  // read once, asynchronously, on first use: both files are small and never change while running
  private Future<Buffer> document() {
    if (document == null || document.failed()) {
      document = vertx.fileSystem().readFile(DOCUMENT);
    }
    return document;
  }

  private Future<Buffer> page() {
    if (page == null || page.failed()) {
      page = vertx.fileSystem().readFile(PAGES + "/index.html");
    }
    return page;
  }

  private static void send(RoutingContext ctx, Future<Buffer> body, String contentType) {
    body.onSuccess(b -> ctx.response().putHeader("content-type", contentType).end(b)).onFailure(ctx::fail);
  }
}
