package com.clisonix.edge.gateway.auth;

import com.clisonix.edge.gateway.config.AuthOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues and verifies the gateway's JWTs (vertx-auth-jwt): HS256 with the configured secret, or
 * RS256/ES256 with a PEM key file that holds the private key and its public key. Expiry, issuer
 * and audience are checked on every token; each token has an id so logout can revoke it.
 */
public final class TokenService {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----[\\s\\S]+?-----END \\1-----");

  private final JWTAuth jwt;
  private final AuthOptions options;

  public TokenService(Vertx vertx, AuthOptions options) {
    this.options = options;
    JWTAuthOptions auth = new JWTAuthOptions().setJWTOptions(new JWTOptions()
        .setIssuer(options.issuer())
        .setAudience(List.of(options.audience()))
        .setAlgorithm(options.jwtAlgorithm()));
    if (options.jwtKeyFile() == null) {
      auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(options.jwtSecret()));
    } else {
      for (String pem : pemBlocks(Path.of(options.jwtKeyFile()))) {
        auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm(options.jwtAlgorithm()).setBuffer(pem));
      }
    }
    this.jwt = JWTAuth.create(vertx, auth);
  }

  private static List<String> pemBlocks(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    List<String> blocks = new ArrayList<>();
    Matcher m = PEM_BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(m.group());
    }
    boolean hasPrivate = blocks.stream().anyMatch(b -> b.contains("PRIVATE KEY"));
    boolean hasPublic = blocks.stream().anyMatch(b -> b.contains("BEGIN PUBLIC KEY"));
    if (!hasPrivate || !hasPublic) {
      throw new com.clisonix.edge.gateway.config.ConfigException("auth.jwt_key_file",
          "CLISONIX_JWT_KEY_FILE (auth.jwt_key_file) must hold a PEM 'PRIVATE KEY' and its 'PUBLIC KEY' "
              + "(openssl genpkey ... > key.pem; openssl pkey -in key.pem -pubout >> key.pem)");
    }
    return blocks;
  }

  /** A token for this account. */
  public Issued issue(UUID accountId, UUID userId, String username, Role role) {
    String jti = UUID.randomUUID().toString();
    JsonObject claims = new JsonObject()
        .put("sub", accountId.toString())
        .put("jti", jti)
        .put("username", username)
        .put("role", role.wireName())
        // millisecond issue time: a password change revokes every token issued before it, even in the same second
        .put("iat_ms", System.currentTimeMillis());
    if (userId != null) {
      claims.put("user_id", userId.toString());
    }
    String token = jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(options.jwtAlgorithm())
        .setIssuer(options.issuer())
        .setAudience(List.of(options.audience()))
        .setExpiresInSeconds(options.tokenTtlSeconds()));
    return new Issued(token, options.tokenTtlSeconds());
  }

  /** The token's principal, or a failed future for a forged, expired or foreign token. */
  public Future<Principal> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      JsonObject p = user.principal();
      // checked here as well so a library default can never widen what is accepted
      if (!options.issuer().equals(p.getString("iss"))) {
        return Future.failedFuture("wrong issuer");
      }
      Object aud = p.getValue("aud");
      boolean audOk = aud instanceof String s ? s.equals(options.audience())
          : aud instanceof io.vertx.core.json.JsonArray a && a.contains(options.audience());
      if (!audOk) {
        return Future.failedFuture("wrong audience");
      }
      // vertx-auth-jwt moves the time claims into the user's attributes
      Object expClaim = p.containsKey("exp") ? p.getValue("exp") : user.attributes().getValue("exp");
      Long exp = expClaim instanceof Number n ? n.longValue() : null;
      if (exp == null || exp * 1000 <= System.currentTimeMillis()) {
        return Future.failedFuture("expired");
      }
      try {
        Role role = Role.fromWire(p.getString("role")).orElseThrow();
        UUID account = UUID.fromString(p.getString("sub"));
        String uid = p.getString("user_id");
        Object issued = p.getValue("iat_ms");
        return Future.succeededFuture(new Principal(account, uid == null ? null : UUID.fromString(uid),
            p.getString("username"), role, p.getString("jti"), exp, issued instanceof Number n ? n.longValue() : 0L));
      } catch (RuntimeException e) {
        return Future.failedFuture("malformed claims");
      }
    });
  }

  /** What the token endpoint returns. */
  public record Issued(String token, int expiresInSeconds) {}
}
