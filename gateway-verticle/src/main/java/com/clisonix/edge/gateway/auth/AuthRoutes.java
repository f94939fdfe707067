package com.clisonix.edge.gateway.auth;

import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.store.AccountRepository;
import com.clisonix.edge.gateway.store.AccountRepository.Account;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log in, log out and change a password. Failed logins are counted per username and per client
 * address; past the limit the token endpoint answers 429 before it even checks the password, so a
 * guesser learns nothing more.
 */
public final class AuthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
  private static final long MINUTE_MS = 60_000;

  private final ApiContext api;
  private final AccountRepository accounts;
  private final com.clisonix.edge.gateway.profile.ProfileRepository profiles;
  private final Future<String> dummyHash;

  public AuthRoutes(ApiContext api) {
    this.api = api;
    this.accounts = new AccountRepository(api.edge(), api.config().encryption().crypto().hash());
    this.profiles = new com.clisonix.edge.gateway.profile.ProfileRepository(api.edge(), api.config().encryption().crypto());
    this.dummyHash = api.hash(UUID.randomUUID().toString());
  }

  /** The token route is public: mount it before the guard. */
  public void mountPublic(Router router) {
    router.post("/fitness/auth/token").handler(this::token);
  }

  public void mountProtected(Router router) {
    router.post("/fitness/auth/logout").handler(this::logout);
    router.put("/fitness/users/:id/password").handler(this::changePassword);
  }

  private void token(RoutingContext ctx) {
    Fields f = Fields.of(ctx);
    String username = f.string("username", 1, 320);
    String email = username == null ? f.string("email", 1, 320) : null;
    String password = f.requiredString("password", 1, 256);
    if (username == null && email == null) {
      throw ApiException.validation("username", "username or email is required");
    }
    String login = (username != null ? username : email).toLowerCase(java.util.Locale.ROOT);
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    int limit = api.config().auth().failedLoginsPerMinute();
    Future.all(api.counters().peek("login-fail:user:" + login, MINUTE_MS),
            api.counters().peek("login-fail:addr:" + address, MINUTE_MS))
        .compose(counts -> {
          long worst = Math.max(counts.<Long>resultAt(0), counts.<Long>resultAt(1));
          if (worst >= limit) {
            return Future.failedFuture(ApiException.rateLimited("too many failed logins: try again in a minute", 60));
          }
          Future<Optional<Account>> found = username != null ? accounts.findByUsername(username) : accounts.findByEmail(email);
          return found.compose(acc -> checkPassword(acc, password))
              .recover(err -> {
                if (err instanceof ApiException api401 && api401.status() == 401) {
                  LOG.info("event=login_failed login_hash={} address={}", Integer.toHexString(login.hashCode()), address);
                  return Future.all(api.counters().increment("login-fail:user:" + login, MINUTE_MS),
                          api.counters().increment("login-fail:addr:" + address, MINUTE_MS))
                      .transform(ar -> Future.failedFuture(err));
                }
                return Future.failedFuture(err);
              });
        })
        .onSuccess(acc -> {
          TokenService.Issued t = api.tokens().issue(acc.id(), acc.userId(), acc.username(), acc.role());
          if (acc.userId() != null) {
            profiles.touchLastLogin(acc.userId());
          }
          ApiResponses.json(ctx, 200, new JsonObject().put("access_token", t.token()).put("token_type", "Bearer")
              .put("expires_in", t.expiresInSeconds()));
        })
        .onFailure(ctx::fail);
  }

  /** One answer for "no such user", "no password" and "wrong password": nothing to enumerate. */
  private Future<Account> checkPassword(Optional<Account> acc, String password) {
    ApiException denied = ApiException.unauthorized("wrong username, email or password");
    if (acc.isEmpty() || acc.get().passwordHash() == null || acc.get().disabled()) {
      // spend the same time as a real check so timing does not reveal unknown accounts
      return dummyHash.compose(h -> api.verify(password, h)).compose(x -> Future.failedFuture(denied));
    }
    return api.verify(password, acc.get().passwordHash())
        .compose(ok -> ok ? Future.succeededFuture(acc.get()) : Future.failedFuture(denied));
  }


  private void logout(RoutingContext ctx) {
    Principal p = Access.principal(ctx);
    api.revocations().revoke(p.tokenId(), p.expiresAt())
        .onSuccess(v -> ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("message", "Logged out")))
        .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "account");
    Principal caller = Access.requireSelfOrAdmin(ctx, id);
    Fields f = Fields.of(ctx);
    String newPassword = f.requiredString("new_password", 8, 256);
    boolean needsCurrent = !caller.is(Role.ADMIN) || caller.owns(id);
    String current = needsCurrent ? f.requiredString("current_password", 1, 256) : null;
    accounts.findByUserOrAccountId(id)
        .map(acc -> acc.orElseThrow(() -> ApiException.notFound("account")))
        .compose(acc -> {
          if (!needsCurrent) {
            return Future.succeededFuture(acc);
          }
          return (acc.passwordHash() == null ? Future.succeededFuture(false) : api.verify(current, acc.passwordHash()))
              .compose(ok -> ok ? Future.succeededFuture(acc)
                  : Future.failedFuture(new ApiException(403, "forbidden", "current_password is wrong", "current_password", null)));
        })
        .compose(acc -> api.hash(newPassword).compose(h -> accounts.updatePassword(acc.id(), h))
            // tokens issued with the old password end: a leaked one must not outlive the change
            .compose(v -> api.revocations().revokeAccount(acc.id(), api.config().auth().tokenTtlSeconds())))
        .onSuccess(v -> ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("message", "Password changed")))
        .onFailure(ctx::fail);
  }
}
