package com.clisonix.edge.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real PostgreSQL, Redis and MQTT services.
 *
 * <p>Declare {@link PostgresService}, {@link RedisService} or {@link MqttService} parameters on
 * constructors, lifecycle methods or test methods. Each test class (a {@code @Nested} class
 * counts as its own) gets its own database, Redis key prefix and MQTT topic root, created when
 * first asked for and removed after the class. The servers behind them are found in this
 * order: a URI from the environment, a server on the loopback port (PostgreSQL, Redis) or a
 * Mosquitto child process from {@code config/mosquitto} (MQTT), Testcontainers, then embedded
 * servers. See {@link ServiceResolver} for the details.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(RealServicesExtension.class)
public @interface RealServices {
}
