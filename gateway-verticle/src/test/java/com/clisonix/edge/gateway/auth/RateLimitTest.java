package com.clisonix.edge.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-user request limit: the request after the limit is 429 with Retry-After, counts add up
 * across gateways sharing Redis, device accounts have their own limit, and with Redis down each
 * box still serves and still limits on its own. Accounts are made on the class's first gateway
 * (no practical limit); the limits are tested on gateways configured with small ones.
 */
class RateLimitTest extends ApiTestBase {
  static final int LIMIT = 5;
  static final int DEVICE_LIMIT = 8;
  Gateway limited;
  Gateway limitedToo;

  JsonObject limitedTree() {
    JsonObject tree = baseTree();
    tree.getJsonObject("auth").put("rate_limit", new JsonObject().put("requests_per_minute", LIMIT)
        .put("device_requests_per_minute", DEVICE_LIMIT));
    return tree;
  }

  @BeforeAll
  void limitedGateways() throws Exception {
    limited = startGateway(limitedTree());
    limitedToo = startGateway(limitedTree());
  }

  static Res profileOf(ApiClient client, Account a) {
    return client.get("/fitness/users/" + a.id() + "/profile", a.token());
  }

  static void assertLimited(Res res) {
    assertThat(res.status()).as(res.toString()).isEqualTo(429);
    assertThat(res.error().getString("code")).isEqualTo("rate_limited");
    assertThat(res.header("Retry-After")).as("Retry-After").isNotNull();
    assertThat(Integer.parseInt(res.header("Retry-After"))).isBetween(1, 61);
  }

  @Test
  void theRequestAfterTheLimitIs429WithRetryAfter() throws Exception {
    Account a = account("athlete");
    Account b = account("athlete");
    startOfWindowIfLate(15);
    for (int i = 1; i <= LIMIT; i++) {
      Res res = profileOf(limited.api(), a);
      assertThat(res.status()).as("request %d", i).isEqualTo(200);
      assertThat(res.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
      assertThat(res.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(LIMIT - i));
    }
    assertLimited(profileOf(limited.api(), a));
    // the limit is per user
    assertThat(profileOf(limited.api(), b).status()).isEqualTo(200);
  }

  @Test
  void gatewaysSharingRedisShareTheCount() throws Exception {
    Account a = account("athlete");
    startOfWindowIfLate(15);
    for (int i = 1; i <= LIMIT; i++) {
      ApiClient box = i % 2 == 0 ? limitedToo.api() : limited.api();
      assertThat(profileOf(box, a).status()).as("request %d", i).isEqualTo(200);
    }
    assertLimited(profileOf(limited.api(), a));
    assertLimited(profileOf(limitedToo.api(), a));
  }

  @Test
  void deviceAccountsHaveTheirOwnHigherLimit() throws Exception {
    Account device = account("device");
    String athlete = profile(new JsonObject());
    startOfWindowIfLate(15);
    for (int i = 1; i <= DEVICE_LIMIT; i++) {
      Res res = limited.api().post("/fitness/users/" + athlete + "/biometrics", device.token(),
          new JsonObject().put("biometric_type", "heart_rate").put("value", 100 + i));
      assertThat(res.status()).as("reading %d: %s", i, res).isEqualTo(201);
      assertThat(res.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(DEVICE_LIMIT));
    }
    assertLimited(limited.api().post("/fitness/users/" + athlete + "/biometrics", device.token(),
        new JsonObject().put("biometric_type", "heart_rate").put("value", 99)));
    assertThat(count("SELECT count(*) FROM biometric_data WHERE user_id = $1::uuid", athlete))
        .as("the refused reading was not stored").isEqualTo(DEVICE_LIMIT);
  }

  @Test
  void withRedisDownEachBoxServesAndLimitsOnItsOwn() throws Exception {
    Account a = account("athlete");
    JsonObject tree = limitedTree();
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    tree.getJsonObject("redis").put("uri", "redis://127.0.0.1:" + deadPort);
    Gateway lonely = startGateway(tree);
    Gateway lonelyToo = startGateway(tree.copy());
    try {
      startOfWindowIfLate(20);
      for (int i = 1; i <= LIMIT; i++) {
        assertThat(profileOf(lonely.api(), a).status()).as("request %d without Redis", i).isEqualTo(200);
      }
      assertLimited(profileOf(lonely.api(), a));
      // counted in this box's memory only: the other box has its own count
      for (int i = 1; i <= LIMIT; i++) {
        assertThat(profileOf(lonelyToo.api(), a).status()).as("request %d on the other box", i).isEqualTo(200);
      }
      assertLimited(profileOf(lonelyToo.api(), a));
      // a logout still holds on the box that took it, from its memory
      Account b = account("athlete");
      assertThat(lonely.api().post("/fitness/auth/logout", b.token(), null).status()).isEqualTo(200);
      assertThat(profileOf(lonely.api(), b).status()).isEqualTo(401);
    } finally {
      stopGateway(lonely);
      stopGateway(lonelyToo);
    }
  }
}
