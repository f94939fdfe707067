package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.config.PgUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema with Flyway. The edge store and the cloud store share
 * the table definitions ({@code db/common}); the edge adds integrity, accounts and replication
 * bookkeeping ({@code db/edge}), the cloud adds {@code gym_id} to every row ({@code db/cloud}).
 * Flyway uses JDBC, so it always runs on a worker thread.
 */
public final class SchemaMigrator {

  /** Which store a database is. */
  public enum Target {
    EDGE("classpath:db/common", "classpath:db/edge"),
    CLOUD("classpath:db/common", "classpath:db/cloud");

    private final String[] locations;

    Target(String... locations) {
      this.locations = locations;
    }
  }

  private SchemaMigrator() {}

  public static Future<MigrateResult> migrate(Vertx vertx, PgUri uri, Target target) {
    return vertx.executeBlocking(() -> migrateBlocking(uri, target), false);
  }

  /** Blocking: call from a worker thread or a test. */
  public static MigrateResult migrateBlocking(PgUri uri, Target target) {
    Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(uri.jdbcUrl(), uri.user(), uri.password())
        .locations(target.locations)
        .table("flyway_schema_history")
        .connectRetries(5)
        .load();
    return flyway.migrate();
  }
}
