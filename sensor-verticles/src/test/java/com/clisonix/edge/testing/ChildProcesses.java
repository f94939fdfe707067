package com.clisonix.edge.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the server processes the tests started, so that a JVM that ends without running
 * the JUnit close callbacks (a killed surefire fork, an IDE stop) still takes its brokers down
 * with it instead of leaving them bound to ports.
 */
final class ChildProcesses {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy),
        "clisonix-test-process-reaper"));
  }

  private ChildProcesses() {
  }

  static void register(Process process) {
    RUNNING.add(process);
  }

  static void forget(Process process) {
    RUNNING.remove(process);
  }
}
