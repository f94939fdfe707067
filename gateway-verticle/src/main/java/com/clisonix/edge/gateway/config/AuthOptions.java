package com.clisonix.edge.gateway.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Token signing and the bootstrap administrator. Either an HS256 secret of at least 32 bytes or
 * a PEM private key file (RS256 or ES256) signs tokens. Secrets never appear in {@link #toString()}.
 */
public record AuthOptions(String jwtAlgorithm, String jwtSecret, String jwtKeyFile, String issuer,
    String audience, int tokenTtlSeconds, String adminPassword, int requestsPerMinute,
    int deviceRequestsPerMinute, int failedLoginsPerMinute) {

  public static final int MIN_SECRET_BYTES = 32;
  public static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
  /** Passwords that ship in examples and guides: an appliance on a gym network must not accept them. */
  static final Set<String> DEFAULT_PASSWORDS =
      Set.of("admin", "administrator", "password", "changeme", "change-me", "clisonix", "secret", "123456",
          "12345678", "admin123", "password123", "letmein", "changeit", "default");

  static AuthOptions from(ConfigReader r, boolean demo) {
    String secret = r.string("auth.jwt_secret", null);
    String keyFile = r.string("auth.jwt_key_file", null);
    String algorithm;
    if (keyFile != null) {
      if (!Files.isReadable(Path.of(keyFile))) {
        throw new ConfigException("auth.jwt_key_file", ConfigReader.label("auth.jwt_key_file") + " names '" + keyFile
            + "', which is not a readable file: expected a PEM private key (RSA for RS256, EC P-256 for ES256)");
      }
      algorithm = r.string("auth.jwt_algorithm", "RS256").toUpperCase(Locale.ROOT);
      if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
        throw new ConfigException("auth.jwt_algorithm",
            "auth.jwt_algorithm must be RS256 or ES256 with a key file, got '" + algorithm + "'");
      }
    } else if (secret != null) {
      if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
        throw new ConfigException("auth.jwt_secret", ConfigReader.label("auth.jwt_secret")
            + " is too short: expected at least " + MIN_SECRET_BYTES + " bytes");
      }
      algorithm = "HS256";
    } else {
      throw new ConfigException("auth.jwt_secret", ConfigReader.label("auth.jwt_secret")
          + " is missing: expected a secret of at least " + MIN_SECRET_BYTES + " bytes, or set "
          + ConfigKey.JWT_KEY_FILE.label() + " to a PEM private key");
    }
    String admin = r.required("auth.admin_password", "the bootstrap password of the user 'admin'");
    if (!demo) {
      if (DEFAULT_PASSWORDS.contains(admin.toLowerCase(Locale.ROOT))) {
        throw new ConfigException("auth.admin_password", ConfigReader.label("auth.admin_password")
            + " is a well-known default password: expected a password of your own");
      }
      if (admin.length() < MIN_ADMIN_PASSWORD_LENGTH) {
        throw new ConfigException("auth.admin_password", ConfigReader.label("auth.admin_password")
            + " is too short: expected at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
      }
    }
    return new AuthOptions(algorithm, secret, keyFile,
        r.string("auth.issuer", "clisonix-edge"),
        r.string("auth.audience", "clisonix-fitness"),
        r.integer("auth.token_ttl_seconds", 8 * 3600, 60, 7 * 24 * 3600),
        admin,
        r.integer("auth.rate_limit.requests_per_minute", 100, 1, 1_000_000),
        r.integer("auth.rate_limit.device_requests_per_minute", 6000, 1, 1_000_000),
        r.integer("auth.rate_limit.failed_logins_per_minute", 10, 1, 10_000));
  }

  @Override
  public String toString() {
    return "AuthOptions[algorithm=" + jwtAlgorithm + ", secret=" + (jwtSecret == null ? "unset" : "***")
        + ", keyFile=" + jwtKeyFile + ", issuer=" + issuer + ", audience=" + audience
        + ", tokenTtlSeconds=" + tokenTtlSeconds + ", adminPassword=***]";
  }
}
