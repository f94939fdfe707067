package com.clisonix.edge.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's arguments. {@code --quick} fits the run into five minutes: short search steps
 * (the final figure is still a 30 s hold), no soak and no fault matrix.
 */
record HarnessOptions(boolean quick, Path repo, Path jar, Path out, int athletes, int startRate, int maxRate,
    int searchHoldSeconds, int finalHoldSeconds, int latencyRate, int latencySeconds, int gymSeconds,
    int soakMinutes, boolean faults, boolean faultsOnly, boolean soakOnly, List<String> gatewayJvmOpts) {

  static final String USAGE = """
      usage: E2eHarness [--quick] [--faults-only] [--soak-only] [--no-faults] [--repo DIR] [--jar FILE] [--out DIR]
                        [--athletes N] [--start-rate N] [--max-rate N] [--search-hold S] [--final-hold S]
                        [--latency-rate N] [--soak-minutes M] [--jfr]
      """;

  static HarnessOptions parse(String[] args) {
    boolean quick = false;
    boolean faults = true;
    boolean faultsOnly = false;
    boolean soakOnly = false;
    boolean jfr = false;
    Path repo = Path.of("").toAbsolutePath();
    Path jar = null;
    Path out = null;
    int athletes = 200;
    int startRate = 2000;
    int maxRate = 80_000;
    Integer searchHold = null;
    int finalHold = 30;
    int latencyRate = 2000;
    int soak = 10;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--no-faults" -> faults = false;
        case "--faults-only" -> faultsOnly = true;
        case "--soak-only" -> soakOnly = true;
        case "--jfr" -> jfr = true;
        case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
        case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
        case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
        case "--athletes" -> athletes = Integer.parseInt(args[++i]);
        case "--start-rate" -> startRate = Integer.parseInt(args[++i]);
        case "--max-rate" -> maxRate = Integer.parseInt(args[++i]);
        case "--search-hold" -> searchHold = Integer.parseInt(args[++i]);
        case "--final-hold" -> finalHold = Integer.parseInt(args[++i]);
        case "--latency-rate" -> latencyRate = Integer.parseInt(args[++i]);
        case "--soak-minutes" -> soak = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + a + "\n" + USAGE);
      }
    }
    if (jar == null) {
      jar = repo.resolve("gateway-verticle/target/clisonix-edge.jar");
    }
    if (out == null) {
      out = repo.resolve("benchmarks/target/e2e-" + System.currentTimeMillis());
    }
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
    if (jfr) {
      jvm.add("-XX:StartFlightRecording=filename=" + out.resolve("gateway.jfr") + ",settings=profile");
    }
    return new HarnessOptions(quick, repo, jar, out, athletes, startRate, maxRate,
        searchHold != null ? searchHold : quick ? 5 : 30, finalHold, latencyRate, quick ? 10 : 30, quick ? 20 : 60,
        soak, faults && !quick && !soakOnly, faultsOnly, soakOnly, jvm);
  }
}
