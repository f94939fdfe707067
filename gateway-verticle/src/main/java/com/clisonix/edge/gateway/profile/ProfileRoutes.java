package com.clisonix.edge.gateway.profile;

import com.clisonix.edge.analysis.hr.HrMax;
import com.clisonix.edge.analysis.hr.HrMaxCalculator;
import com.clisonix.edge.gateway.api.ApiContext;
import com.clisonix.edge.gateway.api.ApiException;
import com.clisonix.edge.gateway.api.ApiResponses;
import com.clisonix.edge.gateway.api.Fields;
import com.clisonix.edge.gateway.auth.Access;
import com.clisonix.edge.gateway.auth.Principal;
import com.clisonix.edge.gateway.auth.Role;
import com.clisonix.edge.gateway.store.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Profiles (the specification's create, get and update) and the contract's account-level routes:
 * athlete search, erasure and export.
 */
public final class ProfileRoutes {
  /** Published after a profile is created, updated or erased: {@code {"user_id"}}. */
  public static final String PROFILE_CHANGED = "profile.changed";

  private final ApiContext api;
  private final ProfileRepository profiles;
  private final HrMaxCalculator hrMax;

  public ProfileRoutes(ApiContext api, HrMaxCalculator hrMax) {
    this.api = api;
    this.profiles = new ProfileRepository(api.edge(), api.config().encryption().crypto());
    this.hrMax = hrMax;
  }

  public void mount(Router router) {
    router.post("/fitness/users/profile").handler(this::create);
    router.get("/fitness/users/:id/profile").handler(this::get);
    router.put("/fitness/users/:id/profile").handler(this::update);
    router.get("/fitness/users").handler(this::search);
    router.delete("/fitness/users/:id").handler(this::erase);
    router.get("/fitness/users/:id/export").handler(this::export);
  }

  private void create(RoutingContext ctx) {
    Principal caller = Access.require(ctx, Role.COACH, Role.ADMIN);
    ProfileFields.Parsed req = ProfileFields.parse(Fields.of(ctx), true);
    String role = req.role() == null ? Role.ATHLETE.wireName() : req.role();
    if (req.role() != null && !caller.is(Role.ADMIN)) {
      throw new ApiException(403, "forbidden", "only an admin may set a role", "role", null);
    }
    UUID id = UUID.randomUUID();
    Future<String> hash = req.password() == null ? Future.succeededFuture(null) : api.hash(req.password());
    hash.compose(h -> profiles.insert(id, req.columns(), h, role))
        .recover(err -> Future.failedFuture(conflictOr(err)))
        .onSuccess(created -> changed(id))
        .onSuccess(created -> ApiResponses.json(ctx, 201, new JsonObject()
            .put("success", true)
            .put("user_id", id.toString())
            .put("username", req.columns().get("username"))
            .put("email", req.columns().get("email"))
            .put("fitness_level", req.columns().get("fitness_level"))
            .put("created_at", created.toInstant().toString())))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrStaff(ctx, id);
    profiles.find(id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("profile")))
        .onSuccess(p -> ApiResponses.json(ctx, 200, withHrMax(p)))
        .onFailure(ctx::fail);
  }

  /** The stored max_heart_rate, or the estimate in use, said to be one. */
  private JsonObject withHrMax(JsonObject p) {
    if (p.getValue("max_heart_rate") != null) {
      p.put("max_heart_rate_source", "measured");
    } else {
      Optional<HrMax> est = hrMax.estimate(p.getInteger("age"));
      if (est.isPresent()) {
        p.put("max_heart_rate", Math.round(est.get().bpm() * 10) / 10.0);
        p.put("max_heart_rate_source", "estimated");
      } else {
        p.put("max_heart_rate_source", null);
      }
    }
    return p;
  }

  private void update(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Principal caller = Access.requireSelfOrStaff(ctx, id);
    ProfileFields.Parsed req = ProfileFields.parse(Fields.of(ctx), false);
    if (req.role() != null && !caller.is(Role.ADMIN)) {
      throw new ApiException(403, "forbidden", "only an admin may set a role", "role", null);
    }
    if (req.columns().isEmpty() && req.role() == null) {
      throw ApiException.validation(null, "nothing to update: the body names no settable profile field");
    }
    staffProfileGuard(caller, id)
        .compose(v -> profiles.update(id, req.columns(), req.role()))
        .recover(err -> Future.failedFuture(conflictOr(err)))
        .map(updated -> updated.orElseThrow(() -> ApiException.notFound("profile")))
        .onSuccess(at -> changed(id))
        .onSuccess(at -> ApiResponses.json(ctx, 200, new JsonObject()
            .put("success", true)
            .put("message", "Profile updated")
            .put("updated_at", at.toInstant().toString())))
        .onFailure(ctx::fail);
  }

  /**
   * Coaches look after athletes; the profiles of staff and device accounts (whose username is their
   * login) are changed only by their owner or an admin.
   */
  private Future<Void> staffProfileGuard(Principal caller, UUID id) {
    if (!caller.is(Role.COACH) || caller.owns(id)) {
      return Future.succeededFuture();
    }
    return profiles.find(id).compose(found -> found.isPresent() && !Role.ATHLETE.wireName().equals(found.get().getString("role"))
        ? Future.failedFuture(ApiException.forbidden("only an admin may change a staff or device profile"))
        : Future.succeededFuture());
  }

  private void search(RoutingContext ctx) {
    Principal caller = Access.require(ctx, Role.COACH, Role.ADMIN, Role.DEVICE);
    String query = ctx.queryParams().get("query");
    if (query == null) {
      query = "";
    }
    if (query.length() > 64) {
      throw ApiException.validation("query", "query must be at most 64 characters");
    }
    int limit = Fields.queryInt(ctx, "limit", 20, 1, 100);
    profiles.search(query.trim(), limit)
        .map(rows -> caller.is(Role.DEVICE) ? idsOnly(rows) : rows)
        .onSuccess(rows -> ApiResponses.json(ctx, 200, rows))
        .onFailure(ctx::fail);
  }

  /** Devices may learn profiles' ids (to post readings for them) and nothing else. */
  private static JsonArray idsOnly(JsonArray rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(new JsonObject().put("id", ((JsonObject) r).getString("id"))
        .put("username", ((JsonObject) r).getString("username"))));
    return out;
  }

  private void erase(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrAdmin(ctx, id);
    new com.clisonix.edge.gateway.store.AccountRepository(api.edge(), api.config().encryption().crypto().hash()).findByUserOrAccountId(id)
        .compose(account -> profiles.erase(id).compose(erased -> erased && account.isPresent()
            // an erased user's tokens end with them
            ? api.revocations().revokeAccount(account.get().id(), api.config().auth().tokenTtlSeconds()).map(true)
            : Future.succeededFuture(erased)))
        .onSuccess(erased -> {
          if (!erased) {
            ctx.fail(ApiException.notFound("profile"));
            return;
          }
          changed(id);
          ApiResponses.json(ctx, 200, new JsonObject().put("success", true).put("message", "User erased")
              .put("user_id", id.toString()));
        })
        .onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    UUID id = Fields.pathId(ctx, "id", "profile");
    Access.requireSelfOrAdmin(ctx, id);
    profiles.find(id)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("profile")))
        .compose(profile -> profiles.export(id).map(data -> data
            .put("profile", withHrMax(profile))
            .put("exported_at", Instant.now().toString())))
        .onSuccess(doc -> {
          ctx.response().putHeader("Content-Disposition", "attachment; filename=\"clisonix-user-" + id + ".json\"");
          ApiResponses.json(ctx, 200, doc);
        })
        .onFailure(ctx::fail);
  }

  /** Wearables, consent and the profile's existence matter to ingestion: tell the pairing registry. */
  private void changed(UUID id) {
    api.vertx().eventBus().publish(PROFILE_CHANGED, new JsonObject().put("user_id", id.toString()));
  }

  /** Duplicate usernames and emails are 409 naming the field; other failures pass through. */
  static Throwable conflictOr(Throwable err) {
    String index = Rows.uniqueViolation(err);
    if (index == null) {
      return err;
    }
    if (index.contains("email") || index.contains("user_id")) {
      return ApiException.conflict("email", "a profile with this email exists already");
    }
    return ApiException.conflict("username", "this username is taken");
  }
}
