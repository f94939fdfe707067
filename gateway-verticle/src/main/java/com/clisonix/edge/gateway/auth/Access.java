package com.clisonix.edge.gateway.auth;

import com.clisonix.edge.gateway.api.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.UUID;

/** The contract's role rules (section 6), applied to the principal a request carries. */
public final class Access {
  static final String KEY = "clisonix.principal";

  private Access() {}

  public static Principal principal(RoutingContext ctx) {
    Principal p = ctx.get(KEY);
    if (p == null) {
      throw ApiException.unauthorized("a bearer token is required");
    }
    return p;
  }

  /** The caller must hold one of these roles. */
  public static Principal require(RoutingContext ctx, Role... roles) {
    Principal p = principal(ctx);
    if (Arrays.stream(roles).noneMatch(p::is)) {
      throw ApiException.forbidden("this needs the role " + String.join(" or ",
          Arrays.stream(roles).map(Role::wireName).toList()));
    }
    return p;
  }

  /**
   * An athlete reaches only their own data; coaches and admins reach every athlete's; the roles in
   * {@code alsoAllowed} (for example {@code DEVICE} posting readings) reach any athlete's too.
   */
  public static Principal requireSelfOrStaff(RoutingContext ctx, UUID userId, Role... alsoAllowed) {
    Principal p = principal(ctx);
    if (p.is(Role.ADMIN) || p.is(Role.COACH) || Arrays.asList(alsoAllowed).contains(p.role())) {
      return p;
    }
    if (p.is(Role.ATHLETE) && p.owns(userId)) {
      return p;
    }
    throw ApiException.forbidden("this is another user's data");
  }

  /** Only the user themself or an admin (exports, erasure, password changes). */
  public static Principal requireSelfOrAdmin(RoutingContext ctx, UUID userId) {
    Principal p = principal(ctx);
    if (p.is(Role.ADMIN) || (!p.is(Role.DEVICE) && p.owns(userId))) {
      return p;
    }
    throw ApiException.forbidden("only the user themself or an admin may do this");
  }
}
