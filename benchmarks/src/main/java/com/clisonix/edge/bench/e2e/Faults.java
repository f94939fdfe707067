package com.clisonix.edge.bench.e2e;

/** The fault matrix (issue 9). */
final class Faults {
  private final E2eHarness h;

  Faults(E2eHarness h) {
    this.h = h;
  }

  void runAll() {
  }
}
