package com.clisonix.edge.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ServiceResolver} needs to know about the machine. The real answers come from
 * {@link SystemServiceProbes}; tests inject their own to exercise every branch.
 */
public interface ServiceProbes {

  Map<String, String> environment();

  Map<String, String> systemProperties();

  /** Whether a server of this kind speaks its protocol at the address (not just a TCP accept). */
  boolean answers(ServiceKind kind, String host, int port);

  /** The Mosquitto executable, if installed. */
  Optional<Path> mosquittoBinary();

  /** Whether the gym's broker configuration ({@code config/mosquitto}) can be found. */
  boolean mosquittoConfigPresent();

  /** Whether a Docker engine answers; must neither hang nor throw. */
  boolean dockerAvailable();

  /** Whether the embedded server of this kind can run on this machine. */
  boolean embeddedAvailable(ServiceKind kind);
}
