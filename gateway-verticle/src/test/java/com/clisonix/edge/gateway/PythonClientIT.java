package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example Python client against the packaged jar in demo mode, logged in as the demo's coach:
 * every step of its walk passes. Needs Debian's python3 and python3-requests.
 */
@Tag("system")
class PythonClientIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final List<String> STEPS = List.of("login", "create profile", "get profile", "start workout",
      "record heart rates", "add exercise", "end workout", "get workout details", "get biometrics", "get stats");

  @Test
  void exampleClientWalksTheDemoGatewayStepByStep(@TempDir Path dir) throws Exception {
    requirePython();
    Path script = repoRoot().resolve("examples/python/clisonix_client.py");
    assertThat(script).as("the example client").isRegularFile();

    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of("CLISONIX_HTTP_PORT", "0"), "--demo")) {
      String banner = awaitBanner(gw, Duration.ofSeconds(60));
      String url = banner.replaceAll("^Dashboard: (\\S+?)/\\s.*$", "$1");
      String password = banner.replaceAll("^.*coach login: coach / (\\S+)$", "$1");
      assertThat(url).as(banner).matches("http://127\\.0\\.0\\.1:\\d+");

      Path out = dir.resolve("client.out");
      Process client = new ProcessBuilder(PYTHON.toString(), script.toString(), url, "coach", password)
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!client.waitFor(120, TimeUnit.SECONDS)) {
        client.destroyForcibly();
        throw new AssertionError("the client did not finish within 120 s\n" + Files.readString(out));
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(client.exitValue()).as("client exit code\n" + output + "\n" + gw.output()).isZero();
      for (String step : STEPS) {
        assertThat(output).as("step '" + step + "' passed\n" + output).containsPattern("(?m)^PASS " + step + "\\s");
      }
      assertThat(output).doesNotContain("FAIL")
          .contains("SKIP analyse form", "SKIP detect emotion")
          .contains("ALL " + STEPS.size() + " STEPS PASSED");
      gw.terminate();
      assertThat(gw.waitFor(30)).as(gw.output()).isZero();
    }
  }

  private static void requirePython() throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      throw new AssertionError(PYTHON + " is missing: install the Debian packages python3 and python3-requests");
    }
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import requests").redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("the Python module requests is missing: install the Debian package python3-requests");
    }
  }

  private static Path repoRoot() {
    String root = System.getProperty("clisonix.repo.root");
    if (root == null || root.isBlank()) {
      throw new AssertionError("the system property clisonix.repo.root is not set: run through Maven from the repository");
    }
    return Path.of(root);
  }

  private static String awaitBanner(GatewayProcess gw, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      String banner = gw.stdout().stream().filter(l -> l.startsWith("Dashboard: ")).findFirst().orElse(null);
      if (banner != null) {
        return banner;
      }
      if (!gw.alive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no demo banner within " + limit.toSeconds() + " s\n" + gw.output());
  }
}
