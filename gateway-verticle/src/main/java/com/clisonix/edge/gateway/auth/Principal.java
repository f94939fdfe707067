package com.clisonix.edge.gateway.auth;

import java.util.UUID;

/**
 * Who is calling, from a verified token.
 *
 * @param userId the profile this account belongs to; null for staff and device accounts without one
 * @param expiresAt epoch seconds of the token's expiry
 * @param issuedAtMs epoch milliseconds when the token was issued
 */
public record Principal(UUID accountId, UUID userId, String username, Role role, String tokenId, long expiresAt,
    long issuedAtMs) {

  public boolean is(Role r) {
    return role == r;
  }

  /** True when the profile {@code id} is the caller's own (or, for staff without a profile, their account). */
  public boolean owns(UUID id) {
    return id != null && (id.equals(userId) || (userId == null && id.equals(accountId)));
  }

  /** The subject that rate limits count against. */
  public String limitKey() {
    return accountId.toString();
  }
}
