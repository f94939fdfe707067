package com.clisonix.edge.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@link PostgresService}, {@link RedisService} and {@link MqttService} parameters;
 * use it through {@link RealServices}.
 *
 * <p>Servers are started lazily, once per JVM, and kept in the root store, which closes them
 * when the test run ends. What each test class gets (database, key prefix, topic root, and
 * with Mosquitto a broker process of its own) lives in that class's store under a key naming
 * the class, so a {@code @Nested} class never inherits its outer class's resources, and is
 * released when the class is done.
 */
public final class RealServicesExtension implements ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(RealServicesExtension.class);
  private static final Namespace NAMESPACE = Namespace.create(RealServicesExtension.class);
  private static final ServiceResolver RESOLVER = new ServiceResolver(new SystemServiceProbes());
  private static final Set<ServiceKind> ANNOUNCED = ConcurrentHashMap.newKeySet();

  /** Store key of a per-class resource: the class is part of it so nested classes differ. */
  private record ClassKey(Class<?> testClass, ServiceKind kind) {
  }

  /** Store key of a JVM-wide server. */
  private record ServerKey(ServiceKind kind) {
  }

  @FunctionalInterface
  private interface Starter<T> {
    T start(ServiceChoice choice) throws Exception;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresService.class || type == RedisService.class
        || type == MqttService.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    Store classStore = classContext.getStore(NAMESPACE);
    Store rootStore = context.getRoot().getStore(NAMESPACE);
    try {
      if (type == PostgresService.class) {
        PostgresServer server = rootStore.computeIfAbsent(new ServerKey(ServiceKind.POSTGRES),
            key -> startFirst(ServiceKind.POSTGRES, ServerStarters::postgres),
            PostgresServer.class);
        return classStore.computeIfAbsent(new ClassKey(testClass, ServiceKind.POSTGRES),
            key -> ClassDatabase.create(server, testClass.getSimpleName()), ClassDatabase.class);
      }
      if (type == RedisService.class) {
        RedisServerHandle server = rootStore.computeIfAbsent(new ServerKey(ServiceKind.REDIS),
            key -> startFirst(ServiceKind.REDIS, ServerStarters::redis),
            RedisServerHandle.class);
        return classStore.computeIfAbsent(new ClassKey(testClass, ServiceKind.REDIS),
            key -> ClassRedis.create(server), ClassRedis.class);
      }
      MqttBackend backend = rootStore.computeIfAbsent(new ServerKey(ServiceKind.MQTT),
          key -> startFirst(ServiceKind.MQTT, MqttBackends::start), MqttBackend.class);
      return classStore.computeIfAbsent(new ClassKey(testClass, ServiceKind.MQTT),
          key -> backend.open(TestNames.topicRoot(TestNames.random())), ClassMqtt.class);
    } catch (ServiceUnavailableException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  /**
   * The context of the test class the parameter belongs to: a method's, a template
   * invocation's or a dynamic test's context is walked up to the nearest class.
   */
  static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (true) {
      AnnotatedElement element = current.getElement().orElse(null);
      if (element instanceof Class<?>) {
        return current;
      }
      current = current.getParent().orElseThrow(() -> new ParameterResolutionException(
          "Real services can only be injected within a test class"));
    }
  }

  /**
   * Starts the first candidate that works. A configured URI that fails is an error of its
   * own (the developer asked for that server); other failures fall through to the next
   * candidate and, if all fail, are reported together.
   */
  private static <T> T startFirst(ServiceKind kind, Starter<T> starter) {
    List<Throwable> failures = new ArrayList<>();
    Iterator<ServiceChoice> candidates = RESOLVER.candidates(kind);
    while (candidates.hasNext()) {
      ServiceChoice choice = candidates.next();
      try {
        T started = starter.start(choice);
        if (ANNOUNCED.add(kind)) {
          LOG.info("{} for tests: {}", kind.displayName(), choice.describe());
        }
        return started;
      } catch (Exception e) {
        if (choice.source() == ServiceSource.ENV) {
          throw new ServiceUnavailableException(kind, kind.displayName() + " configured by "
              + kind.environmentVariable() + " / " + kind.systemProperty() + " ("
              + ServiceResolver.redact(choice.uri()) + ") does not work: " + e.getMessage()
              + ". Fix the URI, or unset it to let the tests find a server.", e);
        }
        LOG.warn("{} for tests: {} failed ({}); trying the next option", kind.displayName(),
            choice.describe(), e.toString());
        failures.add(new ServiceUnavailableException(kind,
            choice.describe() + ": " + e.getMessage(), e));
      }
    }
    throw ServiceResolver.unavailable(kind, failures);
  }
}
