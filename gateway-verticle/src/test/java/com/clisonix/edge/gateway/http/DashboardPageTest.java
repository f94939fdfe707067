package com.clisonix.edge.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The coach dashboard's files at {@code /}: served without a token, complete in themselves (no
 * CDN: the box may be offline), with the login form's labelled fields and the live socket path.
 */
class DashboardPageTest extends ApiTestBase {

  HttpResponse<Buffer> get(String path) throws Exception {
    return gw.web().get(path).send().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theDashboardIsServedAtTheRootWithoutExternalResources() throws Exception {
    HttpResponse<Buffer> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("content-type")).startsWith("text/html");
    assertThat(page.bodyAsString())
        .contains("<label for=\"login-user\">", "<label for=\"login-password\">", "type=\"password\"",
            "/dashboard.js", "/dashboard.css")
        .doesNotContain("http://", "https://");
    for (String file : List.of("/dashboard.js", "/dashboard.css")) {
      HttpResponse<Buffer> res = get(file);
      assertThat(res.statusCode()).as(file).isEqualTo(200);
      assertThat(res.bodyAsString()).as(file).doesNotContain("http://", "https://");
    }
    // the chart library comes from its webjar in the jar, not from a CDN
    assertThat(page.bodyAsString()).contains("/vendor/uplot/uPlot.iife.min.js", "/vendor/uplot/uPlot.min.css");
    for (String file : List.of("/vendor/uplot/uPlot.iife.min.js", "/vendor/uplot/uPlot.min.css")) {
      HttpResponse<Buffer> res = get(file);
      assertThat(res.statusCode()).as(file).isEqualTo(200);
      assertThat(res.bodyAsString()).as(file).isNotBlank();
    }
    assertThat(get("/dashboard.js").bodyAsString())
        .contains("/fitness/live/ws", "sessionStorage", "/fitness/auth/token", "/fitness/users?limit=10&query=");
  }
}
