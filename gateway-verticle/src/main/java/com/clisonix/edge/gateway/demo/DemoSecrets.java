package com.clisonix.edge.gateway.demo;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the demo generates on its first run and keeps in its data folder (readable by the
 * owner only), so a second run logs in with the same coach password.
 */
public record DemoSecrets(String jwtSecret, String adminPassword, String coachPassword, String encryptionKeys,
    String lookupKey) {
  private static final String FILE = "secrets.json";

  /** Blocking file access: call on a worker thread. */
  public static DemoSecrets loadOrCreate(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      JsonObject j = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
      DemoSecrets s = new DemoSecrets(j.getString("jwt_secret"), j.getString("admin_password"),
          j.getString("coach_password"), j.getString("encryption_keys"), j.getString("lookup_key"));
      if (s.lookupKey != null) {
        return s;
      }
      // a data folder from before encryption at rest: keep its secrets, add the lookup key
      s = new DemoSecrets(s.jwtSecret, s.adminPassword, s.coachPassword, s.encryptionKeys,
          Base64.getEncoder().encodeToString(bytes(new SecureRandom(), 32)));
      write(file, s);
      return s;
    }
    SecureRandom random = new SecureRandom();
    DemoSecrets s = new DemoSecrets(token(random, 48), token(random, 15), token(random, 12),
        "demo1:" + Base64.getEncoder().encodeToString(bytes(random, 32)),
        Base64.getEncoder().encodeToString(bytes(random, 32)));
    write(file, s);
    return s;
  }

  private static void write(Path file, DemoSecrets s) throws IOException {
    JsonObject j = new JsonObject().put("jwt_secret", s.jwtSecret).put("admin_password", s.adminPassword)
        .put("coach_password", s.coachPassword).put("encryption_keys", s.encryptionKeys).put("lookup_key", s.lookupKey);
    Files.writeString(file, j.encodePrettily(), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // non-POSIX file systems keep their default permissions
    }
  }

  private static byte[] bytes(SecureRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** URL-safe, no look-alike trouble for copying from a terminal. */
  private static String token(SecureRandom random, int chars) {
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, chars));
    return s.substring(0, chars).replace('-', 'x').replace('_', 'z');
  }

  @Override
  public String toString() {
    return "DemoSecrets[***]";
  }
}
