package com.clisonix.edge.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.gateway.config.AuthOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens are accepted only when signed by our key, unexpired, and for our issuer and audience. */
class TokenServiceTest {
  static final String SECRET = "a-secret-of-more-than-thirty-two-bytes!!";
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static AuthOptions options(String algorithm, String secret, String keyFile) {
    return new AuthOptions(algorithm, secret, keyFile, "clisonix-edge", "clisonix-fitness", 3600, "admin-password-x",
        100, 6000, 10);
  }

  @Test
  void hs256RoundTripCarriesTheClaims() throws Exception {
    TokenService tokens = new TokenService(vertx, options("HS256", SECRET, null));
    UUID account = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    TokenService.Issued t = tokens.issue(account, user, "ann", Role.ATHLETE);
    assertThat(t.expiresInSeconds()).isEqualTo(3600);
    Principal p = tokens.verify(t.token()).await(5, TimeUnit.SECONDS);
    assertThat(p.accountId()).isEqualTo(account);
    assertThat(p.userId()).isEqualTo(user);
    assertThat(p.username()).isEqualTo("ann");
    assertThat(p.role()).isEqualTo(Role.ATHLETE);
    assertThat(p.tokenId()).isNotBlank();
    assertThat(p.expiresAt()).isBetween(System.currentTimeMillis() / 1000 + 3590, System.currentTimeMillis() / 1000 + 3610);
  }

  @Test
  void refusesForeignExpiredAndTamperedTokens() {
    TokenService tokens = new TokenService(vertx, options("HS256", SECRET, null));
    JsonObject claims = new JsonObject().put("sub", UUID.randomUUID().toString()).put("jti", "x").put("role", "admin")
        .put("username", "mallory");
    // signed with another secret
    String forged = sign("HS256", "another-secret-of-more-than-thirty-two-bytes", claims, "clisonix-edge", "clisonix-fitness", 3600);
    // right key, wrong issuer / audience
    String wrongIssuer = sign("HS256", SECRET, claims, "someone-else", "clisonix-fitness", 3600);
    String wrongAudience = sign("HS256", SECRET, claims, "clisonix-edge", "other-api", 3600);
    // expired: issued with a negative lifetime
    String expired = sign("HS256", SECRET, claims, "clisonix-edge", "clisonix-fitness", -120);
    String good = tokens.issue(UUID.randomUUID(), null, "coach", Role.COACH).token();
    String[] parts = good.split("\\.");
    String elevated = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"coach\"", "\"admin\"")
            .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
        + "." + parts[1] + ".";
    for (String bad : List.of(forged, wrongIssuer, wrongAudience, expired, elevated, none, "garbage", "")) {
      assertThatThrownBy(() -> tokens.verify(bad).await(5, TimeUnit.SECONDS)).as(bad).isNotNull();
    }
  }

  @Test
  void rs256AndEs256WithAKeyPairFile(@TempDir Path dir) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    for (Object[] c : new Object[][] {{"RS256", rsa.generateKeyPair()}, {"ES256", ec.generateKeyPair()}}) {
      Path file = dir.resolve(c[0] + ".pem");
      Files.writeString(file, pem((KeyPair) c[1]));
      TokenService tokens = new TokenService(vertx, options((String) c[0], null, file.toString()));
      String token = tokens.issue(UUID.randomUUID(), null, "coach", Role.COACH).token();
      assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).contains("\"" + c[0] + "\"");
      assertThat(tokens.verify(token).await(5, TimeUnit.SECONDS).role()).isEqualTo(Role.COACH);
      // an HS256 token is not accepted by an RS/ES gateway
      String hs = sign("HS256", SECRET, new JsonObject().put("sub", UUID.randomUUID().toString()).put("role", "admin"),
          "clisonix-edge", "clisonix-fitness", 3600);
      assertThatThrownBy(() -> tokens.verify(hs).await(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void aKeyFileWithoutItsPublicKeyIsAConfigurationError(@TempDir Path dir) throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair kp = rsa.generateKeyPair();
    Path file = dir.resolve("private-only.pem");
    Files.writeString(file, block("PRIVATE KEY", kp.getPrivate().getEncoded()));
    assertThatThrownBy(() -> new TokenService(vertx, options("RS256", null, file.toString())))
        .isInstanceOf(com.clisonix.edge.gateway.config.ConfigException.class)
        .hasMessageContaining("PUBLIC KEY");
  }

  static String pem(KeyPair kp) {
    return block("PRIVATE KEY", kp.getPrivate().getEncoded()) + block("PUBLIC KEY", kp.getPublic().getEncoded());
  }

  static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  static String sign(String alg, String secret, JsonObject claims, String iss, String aud, int ttl) {
    JWTAuth other = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm(alg)
        .setBuffer(secret)));
    JWTOptions o = new JWTOptions().setAlgorithm(alg).setIssuer(iss).setAudience(List.of(aud));
    if (ttl > 0) {
      o.setExpiresInSeconds(ttl);
    } else {
      claims = claims.copy().put("exp", System.currentTimeMillis() / 1000 + ttl);
    }
    return other.generateToken(claims, o);
  }
}
