package com.clisonix.edge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a loopback port nobody listens on. Servers that cannot report the port they bound
 * (Mosquitto, Moquette with port 0) are started on it; the short window in which another
 * process could take it is covered by retrying the start.
 */
final class FreePorts {

  private FreePorts() {
  }

  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }
}
