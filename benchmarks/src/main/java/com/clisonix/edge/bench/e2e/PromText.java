package com.clisonix.edge.bench.e2e;

/** Sums of metric families in Prometheus text exposition, as {@code /metrics} serves them. */
public final class PromText {
  private PromText() {
  }

  /** Sum of every sample of the family {@code name} (all label sets); 0 if absent. */
  public static double sum(String text, String name) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int after = name.length();
      if (line.length() > after && line.charAt(after) != '{' && line.charAt(after) != ' ') {
        continue; // a longer name that starts the same
      }
      String value = line.substring(line.lastIndexOf(' ') + 1);
      try {
        total += Double.parseDouble(value);
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return total;
  }
}
