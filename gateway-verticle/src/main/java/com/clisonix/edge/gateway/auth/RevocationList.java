package com.clisonix.edge.gateway.auth;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revoked token ids, kept in Redis until the token would have expired anyway, so every gateway
 * of the gym refuses a logged-out token; and per account a "revoked before" time, so a password
 * change or an erasure ends every token issued before it. This box also remembers its own
 * revocations in memory, so they still hold here while Redis is down.
 */
public final class RevocationList {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationList.class);
  private static final long REDIS_TIMEOUT_MS = 500;

  private final Redis redis;
  private final String prefix;
  private final Map<String, Long> local = new ConcurrentHashMap<>();
  private final Map<String, Long> accountsBefore = new ConcurrentHashMap<>();
  private volatile long lastWarning;

  public RevocationList(Redis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix + "revoked:";
  }

  public Future<Void> revoke(String tokenId, long expiresAtEpochSeconds) {
    long ttlMs = Math.max(1000, expiresAtEpochSeconds * 1000 - System.currentTimeMillis());
    local.put(tokenId, expiresAtEpochSeconds * 1000);
    if (redis == null) {
      return Future.succeededFuture();
    }
    return redis.send(Request.cmd(Command.SET).arg(prefix + tokenId).arg("1").arg("PX").arg(ttlMs))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(err -> {
          warn(err);
          return Future.succeededFuture();
        });
  }

  /** Every token of the account issued before now is refused from now on, for as long as a token lives. */
  public Future<Void> revokeAccount(java.util.UUID accountId, int tokenTtlSeconds) {
    long now = System.currentTimeMillis();
    accountsBefore.put(accountId.toString(), now);
    if (redis == null) {
      return Future.succeededFuture();
    }
    return redis.send(Request.cmd(Command.SET).arg(prefix + "account:" + accountId).arg(Long.toString(now)).arg("PX")
            .arg((long) tokenTtlSeconds * 1000 + 60_000))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .recover(err -> {
          warn(err);
          return Future.succeededFuture();
        });
  }

  /** Whether the token was logged out, or issued before its account's passwords changed or it was erased. */
  public Future<Boolean> isRevoked(Principal p) {
    Long before = accountsBefore.get(p.accountId().toString());
    if (before != null && p.issuedAtMs() < before) {
      return Future.succeededFuture(true);
    }
    if (redis == null) {
      return isRevoked(p.tokenId());
    }
    return redis.send(Request.cmd(Command.GET).arg(prefix + "account:" + p.accountId()))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> r != null && p.issuedAtMs() < Long.parseLong(r.toString()))
        .recover(err -> {
          warn(err);
          return Future.succeededFuture(false);
        })
        .compose(revoked -> revoked ? Future.succeededFuture(true) : isRevoked(p.tokenId()));
  }

  public Future<Boolean> isRevoked(String tokenId) {
    Long until = local.get(tokenId);
    if (until != null) {
      if (until > System.currentTimeMillis()) {
        return Future.succeededFuture(true);
      }
      local.remove(tokenId);
    }
    if (redis == null) {
      return Future.succeededFuture(false);
    }
    return redis.send(Request.cmd(Command.EXISTS).arg(prefix + tokenId))
        .timeout(REDIS_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> r != null && r.toInteger() == 1)
        .recover(err -> {
          warn(err);
          return Future.succeededFuture(false);
        });
  }

  private void warn(Throwable err) {
    long now = System.currentTimeMillis();
    if (now - lastWarning > 60_000) {
      lastWarning = now;
      LOG.warn("event=redis_unavailable use=revocations fallback=local_memory error=\"{}\"", err.getMessage());
    }
  }
}
