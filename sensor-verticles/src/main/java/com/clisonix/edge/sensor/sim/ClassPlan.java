package com.clisonix.edge.sensor.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a simulated class: consecutive phases, each ramping the intensity the coach asks
 * for linearly from one level to another. Intensity is a fraction of the heart-rate reserve
 * (0 = resting, 1 = maximum), the scale a coach's zones are built on. The plan repeats when it
 * ends, so a demo can run for hours: each repetition is a new class on the same floor.
 *
 * @param phases the phases in order; at least one, each at least one second long
 */
public record ClassPlan(List<Phase> phases) {

  /**
   * One phase of the class.
   *
   * @param name          a label for logs and the truth ({@code warm_up}, {@code work}, ...)
   * @param durationMs    how long it lasts
   * @param fromIntensity intensity at its start, 0-1
   * @param toIntensity   intensity at its end, 0-1
   */
  public record Phase(String name, long durationMs, double fromIntensity, double toIntensity) {
    public Phase {
      Objects.requireNonNull(name, "name");
      if (durationMs < 1000) {
        throw new IllegalArgumentException("phase " + name + " must last at least 1 s");
      }
      if (!(fromIntensity >= 0 && fromIntensity <= 1 && toIntensity >= 0 && toIntensity <= 1)) {
        throw new IllegalArgumentException("phase " + name + " intensities must be within 0-1");
      }
    }
  }

  public ClassPlan {
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("a class plan needs at least one phase");
    }
  }

  /**
   * The usual group class, scaled to {@code length}: a warm-up ramp (15 %), six work/recovery
   * intervals at a 4:3 ratio (65 %), and a cool-down ramp (20 %).
   *
   * @throws IllegalArgumentException when the class is shorter than 30 s
   */
  public static ClassPlan standard(Duration length) {
    long total = length.toMillis();
    if (total < 30_000) {
      throw new IllegalArgumentException("a standard class lasts at least 30 s");
    }
    long warm = total * 15 / 100;
    long intervals = total * 65 / 100;
    int rounds = 6;
    long work = Math.max(1000, intervals * 4 / 7 / rounds);
    long rest = Math.max(1000, intervals * 3 / 7 / rounds);
    List<Phase> phases = new ArrayList<>();
    phases.add(new Phase("warm_up", warm, 0.25, 0.6));
    for (int i = 0; i < rounds; i++) {
      phases.add(new Phase("work", work, 0.88, 0.92));
      phases.add(new Phase("recovery", rest, 0.55, 0.5));
    }
    long used = warm + rounds * (work + rest);
    phases.add(new Phase("cool_down", Math.max(1000, total - used), 0.5, 0.15));
    return new ClassPlan(phases);
  }

  /** Length of one class. */
  public long lengthMs() {
    long sum = 0;
    for (Phase p : phases) {
      sum += p.durationMs();
    }
    return sum;
  }

  /** The phase running {@code elapsedMs} after the first class began (the plan repeats). */
  public Phase phaseAt(long elapsedMs) {
    long t = Math.floorMod(elapsedMs, lengthMs());
    for (Phase p : phases) {
      if (t < p.durationMs()) {
        return p;
      }
      t -= p.durationMs();
    }
    return phases.get(phases.size() - 1);
  }

  /** The intensity asked for {@code elapsedMs} after the first class began, 0-1. */
  public double intensityAt(long elapsedMs) {
    long t = Math.floorMod(elapsedMs, lengthMs());
    for (Phase p : phases) {
      if (t < p.durationMs()) {
        double q = (double) t / p.durationMs();
        return p.fromIntensity() + (p.toIntensity() - p.fromIntensity()) * q;
      }
      t -= p.durationMs();
    }
    return phases.get(phases.size() - 1).toIntensity();
  }

  /** Which repetition of the class is running (0 for the first). */
  public long classIndexAt(long elapsedMs) {
    return Math.floorDiv(elapsedMs, lengthMs());
  }
}
