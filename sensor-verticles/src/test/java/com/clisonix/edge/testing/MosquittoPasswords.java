package com.clisonix.edge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes Mosquitto password files. With {@code mosquitto_passwd} installed the tool itself
 * writes them; otherwise they are written here in the format Mosquitto 2.0 reads:
 * {@code user:$7$<iterations>$<base64 salt>$<base64 hash>}, the hash being
 * PBKDF2-HMAC-SHA512 (RFC 8018 §5.2) of the UTF-8 password with a 12-byte random salt and 101
 * iterations, 64 bytes long, both parts in standard Base64 with padding. These are the values
 * {@code mosquitto_passwd} 2.0 writes (see mosquitto_passwd(1) and mosquitto.conf(5) of
 * Mosquitto 2.0); {@code MosquittoPasswordsTest} recomputes the tool's own lines to prove it.
 */
final class MosquittoPasswords {

  static final int ITERATIONS = 101;
  static final int SALT_BYTES = 12;
  static final int HASH_BYTES = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private MosquittoPasswords() {
  }

  /** One password-file line with a fresh random salt. */
  static String line(String username, String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return line(username, password, salt, ITERATIONS);
  }

  static String line(String username, String password, byte[] salt, int iterations) {
    if (username.indexOf(':') >= 0 || username.isEmpty()) {
      throw new IllegalArgumentException("Not a Mosquitto user name: '" + username + "'");
    }
    Base64.Encoder base64 = Base64.getEncoder();
    return username + ":$7$" + iterations + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(pbkdf2Sha512(password, salt, iterations));
  }

  static byte[] pbkdf2Sha512(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM lacks PBKDF2WithHmacSHA512", e);
    }
  }

  /** {@code mosquitto_passwd}, looked for on the PATH and beside the broker binary. */
  static Optional<Path> tool(Path mosquittoBinary) {
    Optional<Path> onPath = SystemServiceProbes.onPath("mosquitto_passwd");
    if (onPath.isPresent()) {
      return onPath;
    }
    for (Path dir : List.of(mosquittoBinary.getParent(), Path.of("/usr/bin"))) {
      Path candidate = dir == null ? null : dir.resolve("mosquitto_passwd");
      if (candidate != null && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Replaces the file with one holding exactly these accounts. The new file is completed
   * under another name and moved into place, so a broker reloading meanwhile never reads half
   * of it.
   *
   * @param tool {@code mosquitto_passwd}, or {@code null} to write the hashes here
   */
  static void write(Path file, Map<String, String> accounts, Path tool) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.deleteIfExists(next);
    if (tool == null) {
      List<String> lines = new ArrayList<>();
      accounts.forEach((user, password) -> lines.add(line(user, password)));
      Files.write(next, lines, StandardCharsets.UTF_8);
    } else {
      Files.createFile(next);
      for (Map.Entry<String, String> account : accounts.entrySet()) {
        run(tool, next, account.getKey(), account.getValue());
      }
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void run(Path tool, Path file, String user, String password)
      throws IOException {
    Process process = new ProcessBuilder(tool.toString(), "-b", file.toString(), user, password)
        .redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(tool + " did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("Interrupted while running " + tool, e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(tool + " -b failed (exit " + process.exitValue() + "): " + output);
    }
  }
}
