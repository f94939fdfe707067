package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
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

  /** @param crypto encrypts the plaintext rows of a store from before encryption at rest (version 5) */
  public static Future<MigrateResult> migrate(Vertx vertx, PgUri uri, Target target, StoreCrypto crypto) {
    return vertx.executeBlocking(() -> migrateBlocking(uri, target, crypto), false);
  }

  /** Blocking, for a store known to be empty or already at version 5 or later (tests of the schema). */
  public static MigrateResult migrateBlocking(PgUri uri, Target target) {
    return migrateBlocking(uri, target, null);
  }

  /** Blocking: call from a worker thread or a test. */
  public static MigrateResult migrateBlocking(PgUri uri, Target target, StoreCrypto crypto) {
    Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
        .dataSource(uri.jdbcUrl(), uri.user(), uri.password())
        .locations(target.locations)
        // Java, not SQL: it encrypts existing rows, which needs the keys
        .javaMigrations(new V5__Encrypt_at_rest(crypto))
        .table("flyway_schema_history")
        .connectRetries(5)
        .load();
    return flyway.migrate();
  }
}
