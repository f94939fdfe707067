package com.clisonix.edge.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.ApiClient;
import com.clisonix.edge.gateway.ApiClient.Res;
import com.clisonix.edge.gateway.ApiTestBase;
import com.clisonix.edge.gateway.GatewayTestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in (by username or email), failed-login limits per username and per client address,
 * the tokens the guard refuses, logout across gateways sharing Redis, and password changes.
 */
class AuthRoutesTest extends ApiTestBase {
  static final String ISSUER = "clisonix-edge";
  static final String AUDIENCE = "clisonix-fitness";
  Vertx signer;

  @BeforeAll
  void signer() {
    signer = Vertx.vertx();
  }

  @AfterAll
  void closeSigner() throws Exception {
    signer.close().await(10, TimeUnit.SECONDS);
  }

  Res token(ApiClient client, String field, String login, String password) {
    return client.post("/fitness/auth/token", null, new JsonObject().put(field, login).put("password", password));
  }

  @Test
  void tokenByUsernameOrEmailInAnyCase() {
    Account a = account("athlete");
    Res byName = token(api, "username", a.username().toUpperCase(), a.password());
    assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
    JsonObject j = byName.json();
    assertThat(j.fieldNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
    assertThat(j.getString("token_type")).isEqualTo("Bearer");
    assertThat(j.getInteger("expires_in")).isEqualTo(8 * 3600);
    assertThat(api.get("/fitness/users/" + a.id() + "/profile", j.getString("access_token")).status()).isEqualTo(200);

    Res byEmail = token(api, "email", a.email().toUpperCase(), a.password());
    assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(200);
    String t = byEmail.json().getString("access_token");
    JsonObject profile = api.get("/fitness/users/" + a.id() + "/profile", t).json();
    assertThat(profile.getString("username")).isEqualTo(a.username());
    assertThat(profile.getString("last_login")).as("a login is remembered").isNotNull();
  }

  @Test
  void wrongPasswordUnknownUserAndPasswordlessProfileGetTheSameAnswer() {
    Account a = account("athlete");
    String passwordless = profile(new JsonObject());
    JsonObject passwordlessProfile = api.get("/fitness/users/" + passwordless + "/profile", adminToken).json();
    // from an address of its own, so these failures count against no other test's logins
    ApiClient from = gw.clientFrom("127.0.0.5");
    List<Res> answers = List.of(
        token(from, "username", a.username(), "wrong-password"),
        token(from, "email", a.email(), "wrong-password"),
        token(from, "username", "nobody-" + UUID.randomUUID(), "wrong-password"),
        token(from, "email", "nobody-" + UUID.randomUUID() + "@example.test", "wrong-password"),
        token(from, "username", passwordlessProfile.getString("username"), "anything-at-all"));
    for (Res r : answers) {
      assertThat(r.status()).as(r.toString()).isEqualTo(401);
      assertThat(r.json()).as("no user enumeration").isEqualTo(answers.get(0).json());
    }
    assertThat(answers.get(0).error().getString("code")).isEqualTo("unauthorized");
    Res missing = api.post("/fitness/auth/token", null, new JsonObject().put("username", a.username()));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error().getString("field")).isEqualTo("password");
  }

  @Test
  void tenFailedLoginsPerMinuteForOneUsernameThen429FromAnyAddress() throws Exception {
    Account a = account("athlete");
    startOfWindowIfLate(20);
    ApiClient guesser = gw.clientFrom("127.0.0.2");
    for (int i = 1; i <= 10; i++) {
      assertThat(token(guesser, "username", a.username(), "guess-" + i).status()).as("try %d", i).isEqualTo(401);
    }
    Res blocked = token(guesser, "username", a.username(), "guess-11");
    assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
    assertThat(blocked.error().getString("code")).isEqualTo("rate_limited");
    assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 60);
    // the right password does not get through either, and not from another address: the limit is per username
    Res right = token(gw.clientFrom("127.0.0.4"), "username", a.username(), a.password());
    assertThat(right.status()).as(right.toString()).isEqualTo(429);
    // another user is unaffected
    Account b = account("athlete");
    assertThat(token(gw.clientFrom("127.0.0.4"), "username", b.username(), b.password()).status()).isEqualTo(200);
  }

  @Test
  void tenFailedLoginsPerMinuteFromOneAddressThen429ForEveryUsername() throws Exception {
    Account a = account("athlete");
    startOfWindowIfLate(20);
    ApiClient sprayer = gw.clientFrom("127.0.0.3");
    for (int i = 1; i <= 10; i++) {
      assertThat(token(sprayer, "username", "spray-" + i + "-" + UUID.randomUUID(), "guess").status()).isEqualTo(401);
    }
    Res blocked = token(sprayer, "username", a.username(), a.password());
    assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
    assertThat(blocked.header("Retry-After")).isNotNull();
    // from another address the same account logs in
    assertThat(token(api, "username", a.username(), a.password()).status()).isEqualTo(200);
  }

  String sign(String secret, String issuer, String audience, long expEpochSeconds, String role) {
    JWTAuth other = JWTAuth.create(signer, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer(secret)));
    JsonObject claims = new JsonObject().put("sub", UUID.randomUUID().toString()).put("jti", UUID.randomUUID().toString())
        .put("username", "mallory").put("role", role).put("exp", expEpochSeconds);
    return other.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(issuer).setAudience(List.of(audience)));
  }

  @Test
  void forgedExpiredAndForeignTokensAre401() {
    long inAnHour = System.currentTimeMillis() / 1000 + 3600;
    String secret = GatewayTestConfig.JWT_SECRET;
    String good = sign(secret, ISSUER, AUDIENCE, inAnHour, "admin");
    assertThat(api.get("/fitness/floor", good).status()).as("the signing in this test matches the gateway's").isEqualTo(200);
    String[] parts = adminToken.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("forged", sign("another-secret-of-more-than-thirty-two-bytes", ISSUER, AUDIENCE, inAnHour, "admin"));
    bad.put("expired", sign(secret, ISSUER, AUDIENCE, System.currentTimeMillis() / 1000 - 120, "admin"));
    bad.put("wrong issuer", sign(secret, "someone-else", AUDIENCE, inAnHour, "admin"));
    bad.put("wrong audience", sign(secret, ISSUER, "other-api", inAnHour, "admin"));
    bad.put("unknown role", sign(secret, ISSUER, AUDIENCE, inAnHour, "root"));
    bad.put("tampered", parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("\"admin\"", "\"coach\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    bad.put("alg none", Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
        .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
    bad.put("garbage", "garbage");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Res res = api.get("/fitness/floor", e.getValue());
      assertThat(res.status()).as(e.getKey()).isEqualTo(401);
      assertThat(res.error().getString("code")).isEqualTo("unauthorized");
    }
    Res basic = api.send(io.vertx.core.http.HttpMethod.GET, "/fitness/floor", null, null);
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void logoutRevokesThatTokenOnEveryGatewaySharingRedis() throws Exception {
    Account a = account("athlete");
    Gateway second = startGateway(configure(baseTree()));
    String path = "/fitness/users/" + a.id() + "/profile";
    String otherToken = login(api, a.username(), a.password());
    assertThat(second.api().get(path, a.token()).status()).as("tokens of one gateway hold on the other").isEqualTo(200);

    Res out = api.post("/fitness/auth/logout", a.token(), null);
    assertThat(out.status()).as(out.toString()).isEqualTo(200);
    assertThat(out.json().getBoolean("success")).isTrue();
    assertThat(api.get(path, a.token()).status()).isEqualTo(401);
    assertThat(second.api().get(path, a.token()).status()).as("revoked on the second gateway too").isEqualTo(401);
    assertThat(api.get(path, otherToken).status()).as("only the presented token is revoked").isEqualTo(200);

    // and the other way round
    Res out2 = second.api().post("/fitness/auth/logout", otherToken, null);
    assertThat(out2.status()).isEqualTo(200);
    assertThat(api.get(path, otherToken).status()).isEqualTo(401);
    stopGateway(second);
  }

  @Test
  void ownPasswordChangeNeedsTheCurrentOne() {
    Account a = account("athlete");
    String path = "/fitness/users/" + a.id() + "/password";
    Res missing = api.put(path, a.token(), new JsonObject().put("new_password", "brand-new-password"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error().getString("field")).isEqualTo("current_password");
    Res wrong = api.put(path, a.token(), new JsonObject().put("current_password", "not-it")
        .put("new_password", "brand-new-password"));
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
    assertThat(wrong.error().getString("field")).isEqualTo("current_password");
    assertThat(token(api, "username", a.username(), "brand-new-password").status()).as("unchanged").isEqualTo(401);

    Res ok = api.put(path, a.token(), new JsonObject().put("current_password", a.password())
        .put("new_password", "brand-new-password"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().getString("message")).isEqualTo("Password changed");
    assertThat(token(api, "username", a.username(), "brand-new-password").status()).isEqualTo(200);
    assertThat(token(api, "username", a.username(), a.password()).status()).isEqualTo(401);
  }

  @Test
  void aPasswordChangeEndsEveryTokenIssuedBeforeItOnEveryGateway() throws Exception {
    Account a = account("athlete");
    Gateway second = startGateway(configure(baseTree()));
    String profile = "/fitness/users/" + a.id() + "/profile";
    String older = login(api, a.username(), a.password());
    assertThat(second.api().get(profile, older).status()).isEqualTo(200);
    Res changed = api.put("/fitness/users/" + a.id() + "/password", adminToken,
        new JsonObject().put("new_password", "after-the-leak-1"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(api.get(profile, a.token()).status()).isEqualTo(401);
    assertThat(api.get(profile, older).status()).isEqualTo(401);
    assertThat(second.api().get(profile, older).status()).as("shared through Redis").isEqualTo(401);
    // a token issued right after the change works, even within the same second
    String fresh = login(api, a.username(), "after-the-leak-1");
    assertThat(api.get(profile, fresh).status()).isEqualTo(200);
    assertThat(second.api().get(profile, fresh).status()).isEqualTo(200);
    stopGateway(second);
  }

  @Test
  void adminChangesAnotherPasswordWithoutTheCurrentOne() {
    Account coach = account("coach");
    Res ok = api.put("/fitness/users/" + coach.id() + "/password", adminToken,
        new JsonObject().put("new_password", "set-by-the-admin"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(token(api, "username", coach.username(), "set-by-the-admin").status()).isEqualTo(200);
    assertThat(token(api, "username", coach.username(), coach.password()).status()).isEqualTo(401);
    // the admin's own password (a staff account without a profile: its id is the account's) needs the current one
    String adminAccount = new JsonObject(new String(Base64.getUrlDecoder().decode(adminToken.split("\\.")[1]),
        StandardCharsets.UTF_8)).getString("sub");
    Res own = api.put("/fitness/users/" + adminAccount + "/password", adminToken,
        new JsonObject().put("new_password", "another-admin-password"));
    assertThat(own.status()).as(own.toString()).isEqualTo(400);
    assertThat(own.error().getString("field")).isEqualTo("current_password");
    assertThat(token(api, "username", "admin", GatewayTestConfig.ADMIN_PASSWORD).status()).isEqualTo(200);
  }
}
