package com.clisonix.edge.bench.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pauses from a unified JVM GC log ({@code -Xlog:gc:file=...}), e.g.
 * {@code [12.345s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 40M->9M(256M) 3.210ms}.
 */
public final class GcLog {
  private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*\\s([0-9]+(?:\\.[0-9]+)?)ms\\s*$");

  /** Count, total and longest pause in milliseconds. */
  public record Pauses(int count, double totalMs, double maxMs) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "gc_pauses=%d gc_total_ms=%.1f gc_max_ms=%.1f", count, totalMs, maxMs);
    }
  }

  private GcLog() {
  }

  public static Pauses pauses(String log) {
    int n = 0;
    double total = 0;
    double max = 0;
    for (String line : log.split("\n")) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        double ms = Double.parseDouble(m.group(1));
        n++;
        total += ms;
        max = Math.max(max, ms);
      }
    }
    return new Pauses(n, total, max);
  }
}
