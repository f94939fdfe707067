package com.clisonix.edge.bench;

/** The pose benchmark's frames (four synthesised athletes, BlazePose 33) for the end-to-end harness's cameras. */
public final class PoseFrames {
  private PoseFrames() {
  }

  /** {@link Fixtures#RING} frames; {@code rounded}: numbers to four decimals, as the docs advise cameras. */
  public static byte[][] fourPeople(boolean world, boolean rounded) {
    return PoseFrameBenchmark.buildFrames(world, rounded);
  }
}
