package com.clisonix.edge.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides where each test service comes from. Pure: every fact about the machine comes from
 * the injected {@link ServiceProbes}, and probes are consulted lazily, in order, so a working
 * loopback server means Docker is never asked about.
 *
 * <p>The order, per service:
 * <ol>
 *   <li>A URI from the system property (e.g. {@code clisonix.test.pg.uri}) or, when that is
 *       unset, the environment ({@code CLISONIX_TEST_PG_URI}). An explicit URI is the only
 *       candidate: if it does not work the tests fail instead of quietly using something
 *       else.</li>
 *   <li>PostgreSQL and Redis: the standard loopback port, if a server there answers its
 *       protocol. MQTT: never the machine's own broker (its accounts and limits are unknown)
 *       but a Mosquitto child process running the gym's configuration, when the binary and
 *       {@code config/mosquitto} are present.</li>
 *   <li>Testcontainers, when a Docker engine answers.</li>
 *   <li>Embedded servers: zonky embedded PostgreSQL, embedded-redis, Moquette.</li>
 * </ol>
 */
public final class ServiceResolver {

  public static final String LOOPBACK_HOST = "127.0.0.1";
  public static final int POSTGRES_PORT = 5432;
  public static final int REDIS_PORT = 6379;

  private static final Set<String> POSTGRES_SCHEMES = Set.of("postgres", "postgresql");
  private static final Set<String> REDIS_SCHEMES = Set.of("redis", "rediss");
  private static final Set<String> MQTT_SCHEMES = Set.of("mqtt", "mqtts");

  private final ServiceProbes probes;

  public ServiceResolver(ServiceProbes probes) {
    this.probes = probes;
  }

  /**
   * The first usable way to provide the service.
   *
   * @throws ServiceUnavailableException when there is none, or the configured URI is invalid
   */
  public ServiceChoice resolve(ServiceKind kind) {
    Iterator<ServiceChoice> candidates = candidates(kind);
    if (!candidates.hasNext()) {
      throw unavailable(kind, List.of());
    }
    return candidates.next();
  }

  /**
   * Every usable way to provide the service, best first, evaluated lazily: a caller that
   * manages to start the first candidate never causes the later probes to run.
   */
  public Iterator<ServiceChoice> candidates(ServiceKind kind) {
    Optional<URI> configured = configuredUri(kind);
    if (configured.isPresent()) {
      return List.of(ServiceChoice.ofUri(kind, ServiceSource.ENV, configured.get())).iterator();
    }
    List<Supplier<Optional<ServiceChoice>>> steps = new ArrayList<>();
    switch (kind) {
      case POSTGRES -> steps.add(() -> loopback(kind, POSTGRES_PORT,
          URI.create("postgres://postgres@" + LOOPBACK_HOST + ":" + POSTGRES_PORT + "/postgres")));
      case REDIS -> steps.add(() -> loopback(kind, REDIS_PORT,
          URI.create("redis://" + LOOPBACK_HOST + ":" + REDIS_PORT)));
      case MQTT -> steps.add(this::mosquitto);
    }
    steps.add(() -> probes.dockerAvailable()
        ? Optional.of(new ServiceChoice(kind, ServiceSource.TESTCONTAINERS, null, null,
            kind.containerImage()))
        : Optional.empty());
    steps.add(() -> probes.embeddedAvailable(kind)
        ? Optional.of(new ServiceChoice(kind,
            kind == ServiceKind.MQTT ? ServiceSource.MOQUETTE : ServiceSource.EMBEDDED,
            null, null, null))
        : Optional.empty());
    return new LazyCandidates(steps);
  }

  /**
   * The URI a developer configured for the service, the system property winning over the
   * environment variable (a {@code -D} on one Maven run is the more specific wish).
   *
   * @throws ServiceUnavailableException when the configured value is not a usable URI
   */
  public Optional<URI> configuredUri(ServiceKind kind) {
    String source = kind.systemProperty();
    String value = probes.systemProperties().get(source);
    if (value == null || value.isBlank()) {
      source = kind.environmentVariable();
      value = probes.environment().get(source);
    }
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new ServiceUnavailableException(kind,
          source + " is not a valid URI (" + e.getMessage() + "); expected " + kind.howToProvide(),
          e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Set<String> schemes = switch (kind) {
      case POSTGRES -> POSTGRES_SCHEMES;
      case REDIS -> REDIS_SCHEMES;
      case MQTT -> MQTT_SCHEMES;
    };
    if (!schemes.contains(scheme) || uri.getHost() == null) {
      throw new ServiceUnavailableException(kind, source + "=" + redact(uri)
          + " is not a " + kind.displayName() + " URI with a host and one of the schemes "
          + schemes + "; to provide the service, " + kind.howToProvide());
    }
    return Optional.of(uri);
  }

  /**
   * The error for a service that nothing could provide: it names the service and every way to
   * provide it, and carries the failures met on the way as suppressed exceptions.
   */
  public static ServiceUnavailableException unavailable(ServiceKind kind,
      List<? extends Throwable> failures) {
    StringBuilder message = new StringBuilder("No ")
        .append(kind.displayName()).append(" for tests: ");
    if (failures.isEmpty()) {
      message.append("none is configured or reachable");
    } else {
      message.append("every option failed (");
      for (int i = 0; i < failures.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(failures.get(i).getMessage());
      }
      message.append(')');
    }
    message.append(". To provide one, ").append(kind.howToProvide()).append('.');
    ServiceUnavailableException error = new ServiceUnavailableException(kind, message.toString());
    failures.forEach(error::addSuppressed);
    return error;
  }

  private Optional<ServiceChoice> loopback(ServiceKind kind, int port, URI uri) {
    return probes.answers(kind, LOOPBACK_HOST, port)
        ? Optional.of(ServiceChoice.ofUri(kind, ServiceSource.LOOPBACK, uri))
        : Optional.empty();
  }

  private Optional<ServiceChoice> mosquitto() {
    return probes.mosquittoBinary()
        .filter(binary -> probes.mosquittoConfigPresent())
        .map(binary -> new ServiceChoice(ServiceKind.MQTT, ServiceSource.MOSQUITTO, null, binary,
            null));
  }

  /** Hides a password in a URI that is about to appear in a message. */
  static String redact(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      return uri.toString();
    }
    String user = userInfo.substring(0, userInfo.indexOf(':'));
    return uri.toString().replace(userInfo + "@", user + ":***@");
  }

  /** Runs each step only when the caller asks for one more candidate. */
  private static final class LazyCandidates implements Iterator<ServiceChoice> {
    private final Iterator<Supplier<Optional<ServiceChoice>>> steps;
    private ServiceChoice next;

    LazyCandidates(List<Supplier<Optional<ServiceChoice>>> steps) {
      this.steps = steps.iterator();
    }

    @Override
    public boolean hasNext() {
      while (next == null && steps.hasNext()) {
        next = steps.next().get().orElse(null);
      }
      return next != null;
    }

    @Override
    public ServiceChoice next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ServiceChoice result = next;
      next = null;
      return result;
    }
  }
}
