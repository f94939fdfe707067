package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.ParseResult;
import java.nio.charset.StandardCharsets;

/**
 * Checks shared by the benchmarks' set-ups. A benchmark whose input is rejected would time the
 * rejection path and report an impressive, meaningless number, so every fixture is decoded once
 * before measuring and the run stops if it does not decode as intended.
 */
final class Fixtures {

  /**
   * Inputs per benchmark: enough variety that a benchmark does not replay one packet the branch
   * predictor has memorised, small enough to stay in L1 cache like a live stream's hot packets.
   */
  static final int RING = 64;
  static final int RING_MASK = RING - 1;

  private Fixtures() {
  }

  /** Throws unless {@code r} decoded into exactly {@code measurements} readings. */
  static DecodeResult.Decoded requireDecoded(DecodeResult r, int measurements, String what) {
    if (!(r instanceof DecodeResult.Decoded d)) {
      throw new IllegalStateException(what + " was rejected: " + r);
    }
    if (d.measurements().size() != measurements) {
      throw new IllegalStateException(what + " decoded into " + d.measurements().size()
          + " readings, expected " + measurements + ": " + d.measurements());
    }
    return d;
  }

  /** Throws unless {@code r} parsed; returns the value. */
  static <T> T requireParsed(ParseResult<T> r, String what) {
    if (r instanceof ParseResult.Parsed<T> p) {
      return p.value();
    }
    throw new IllegalStateException(what + " was rejected: " + r);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
