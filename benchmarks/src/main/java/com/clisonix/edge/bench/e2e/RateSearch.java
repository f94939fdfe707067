package com.clisonix.edge.bench.e2e;

/**
 * Finds the highest rate a pipeline sustains: the rate doubles from a start value while each
 * step passes, then bisects between the last pass and the first failure until the two are within
 * a tolerance or the step budget is spent. Pure: the caller runs each step and reports the result.
 */
public final class RateSearch {
  private final int maxRate;
  private final double tolerance;
  private int maxSteps;
  private int lastPass;
  private int firstFail;
  private int next;
  private int steps;

  /**
   * @param start first rate tried (messages per second)
   * @param maxRate rates above this are not tried
   * @param tolerance stop when {@code firstFail / lastPass - 1} is below this (e.g. 0.1)
   * @param maxSteps steps at most
   */
  public RateSearch(int start, int maxRate, double tolerance, int maxSteps) {
    if (start <= 0 || maxRate < start || maxSteps < 1) {
      throw new IllegalArgumentException("bad search: start " + start + ", max " + maxRate + ", steps " + maxSteps);
    }
    this.maxRate = maxRate;
    this.tolerance = tolerance;
    this.maxSteps = maxSteps;
    this.next = start;
    this.firstFail = Integer.MAX_VALUE;
  }

  /** The next rate to try, or -1 when the search is over. */
  public int next() {
    return next;
  }

  /** Records the outcome of the step at {@link #next()} and works out the one after it. */
  public void record(boolean passed) {
    if (next < 0) {
      throw new IllegalStateException("search is over");
    }
    steps++;
    if (passed) {
      lastPass = Math.max(lastPass, next);
    } else {
      firstFail = Math.min(firstFail, next);
    }
    if (steps >= maxSteps) {
      next = -1;
    } else if (firstFail == Integer.MAX_VALUE) {
      // still climbing
      next = lastPass >= maxRate ? -1 : (int) Math.min((long) maxRate, 2L * lastPass);
    } else if (lastPass == 0) {
      // failed from the start: halve until something passes
      next = firstFail / 2 < 1 ? -1 : firstFail / 2;
    } else if ((double) firstFail / lastPass - 1 <= tolerance) {
      next = -1;
    } else {
      next = lastPass + (firstFail - lastPass) / 2;
    }
  }

  /** The highest rate that passed, 0 if none. */
  public int best() {
    return lastPass;
  }
}
