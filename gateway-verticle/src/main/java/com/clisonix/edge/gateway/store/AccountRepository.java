package com.clisonix.edge.gateway.store;

import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.crypto.KeyedHash;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the {@code accounts} table, and nothing else. */
public final class AccountRepository {

  /** One login: its hash is only ever compared, never returned by the API. */
  public record Account(UUID id, String username, String passwordHash, Role role, UUID userId, boolean disabled) {}

  private static final String COLUMNS = "id, username, password_hash, role, user_id, disabled";

  private final Pool pool;
  private final KeyedHash hash;

  /** @param hash finds a profile by its email's keyed hash (emails are stored encrypted) */
  public AccountRepository(Pool pool, KeyedHash hash) {
    this.pool = pool;
    this.hash = hash;
  }

  public Future<Optional<Account>> findByUsername(String username) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM accounts WHERE lower(username) = lower($1)")
        .execute(Tuple.of(username))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
  }

  /** The account of the profile with this email (emails identify athletes, not staff). */
  public Future<Optional<Account>> findByEmail(String email) {
    return pool.preparedQuery("SELECT a.id, a.username, a.password_hash, a.role, a.user_id, a.disabled FROM accounts a "
            + "JOIN fitness_users u ON u.id = a.user_id WHERE u.email_hash = $1")
        .execute(Tuple.of(Rows.buffer(hash.email(email))))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
  }

  /** The account of a profile, or a staff account by its own id. */
  public Future<Optional<Account>> findByUserOrAccountId(UUID id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM accounts WHERE user_id = $1 OR (id = $1 AND user_id IS NULL)")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toAccount(rows.iterator().next())));
  }

  /** Inserts the account unless one of that username exists; true when it was inserted. */
  public Future<Boolean> insertIfAbsent(String username, String passwordHash, Role role, UUID userId) {
    return pool.preparedQuery("INSERT INTO accounts (id, username, password_hash, role, user_id) "
            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (lower(username)) DO NOTHING")
        .execute(Tuple.of(UUID.randomUUID(), username, passwordHash, role.wireName(), userId))
        .map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> updatePassword(UUID id, String passwordHash) {
    return pool.preparedQuery("UPDATE accounts SET password_hash = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, passwordHash))
        .mapEmpty();
  }

  private static Account toAccount(Row row) {
    return new Account(row.getUUID("id"), row.getString("username"), row.getString("password_hash"),
        Role.fromWire(row.getString("role")).orElseThrow(), row.getUUID("user_id"), row.getBoolean("disabled"));
  }
}
