package com.clisonix.edge.sensor.sim;

/**
 * Writes the numbers of the simulator's JSON payloads. Fixed precision keeps pose frames small
 * (a landmark needs no more than 1/10000 of the frame) and, unlike {@code Double.toString} or
 * {@code String.format}, does not depend on the locale or on shortest-representation rules.
 */
final class SimJson {

  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private SimJson() {
  }

  /** Appends {@code v} rounded to {@code decimals} places, without trailing zeros. */
  static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("JSON has no " + v);
    }
    long scale = POW10[decimals];
    long scaled = Math.round(v * scale);
    if (scaled < 0) {
      sb.append('-');
      scaled = -scaled;
    }
    sb.append(scaled / scale);
    long frac = scaled % scale;
    if (frac != 0) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      sb.append('.');
      String f = Long.toString(frac);
      for (int i = f.length(); i < digits; i++) {
        sb.append('0');
      }
      sb.append(f);
    }
    return sb;
  }
}
