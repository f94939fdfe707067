package com.clisonix.edge.sensor.sim;

import java.util.Random;

/**
 * One athlete's body during the class, stepped once per simulated second: how hard they work
 * (the coach's intensity scaled by their own effort, plus a slow personal drift), and a heart
 * rate that follows the Karvonen target for that effort with first-order lag, faster on the way
 * up than on the way down, as real heart rates do. Energy expenditure accumulates by Keytel's
 * heart-rate equation.
 *
 * <p>State only moves forward, one second at a time, from its own random stream, so what a strap,
 * a machine or a camera reads at a given second is the same however the simulator is driven.
 */
final class Physiology {

  private final ClassPlan plan;
  private final Random rnd;
  private final double rest;
  private final double max;
  private final double effort;
  private final double tauUp;
  private final double tauDown;
  private final double weightKg;
  private final int age;
  private final String gender;

  private long tick = -1;
  private double hr;
  private double drift;
  private double intensity;
  private double energyKj;

  Physiology(ClassPlan plan, Random rnd, SimAthlete athlete, double fitness, double effort) {
    this.plan = plan;
    this.rnd = rnd;
    this.rest = athlete.restingHr();
    this.max = athlete.maxHr();
    this.effort = effort;
    // Fitter hearts respond faster and recover faster.
    this.tauUp = 18 + 17 * (1 - fitness);
    this.tauDown = 30 + 35 * (1 - fitness);
    this.weightKg = athlete.weightKg();
    this.age = athlete.age();
    this.gender = athlete.gender();
    this.hr = rest + 8;
  }

  /** Advances to the second containing {@code elapsedMs} (time since the first class began). */
  void advanceTo(long elapsedMs) {
    long target = Math.floorDiv(elapsedMs, 1000);
    while (tick < target) {
      step(++tick);
    }
  }

  private void step(long second) {
    double asked = plan.intensityAt(second * 1000);
    // Ornstein-Uhlenbeck drift with a one-minute memory: nobody holds exactly what was asked.
    drift += -drift / 60.0 + 0.012 * rnd.nextGaussian();
    intensity = clamp(asked * effort + drift, 0.03, 1.0);
    // Standing and moving about in a gym is already a few beats above resting.
    double target = rest + 6 + intensity * (max - rest - 6);
    double tau = target > hr ? tauUp : tauDown;
    hr += (target - hr) * (1 - StrictMath.exp(-1 / tau)) + 0.5 * rnd.nextGaussian();
    hr = clamp(hr, rest - 4, max);
    energyKj += keytelKjPerMinute(hr) / 60.0;
  }

  /**
   * Keytel et al. (2005) energy expenditure from heart rate, in kJ/min, floored at a resting
   * rate since the equation turns negative near rest. X uses the mean of both equations.
   */
  private double keytelKjPerMinute(double bpm) {
    double male = -55.0969 + 0.6309 * bpm + 0.1988 * weightKg + 0.2017 * age;
    double female = -20.4022 + 0.4472 * bpm - 0.1263 * weightKg + 0.074 * age;
    double v = switch (gender) {
      case "M" -> male;
      case "F" -> female;
      default -> (male + female) / 2;
    };
    return Math.max(5.0, v);
  }

  double heartRate() {
    return hr;
  }

  /** Effort as a fraction of heart-rate reserve, 0-1. */
  double intensity() {
    return intensity;
  }

  double energyKj() {
    return energyKj;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
