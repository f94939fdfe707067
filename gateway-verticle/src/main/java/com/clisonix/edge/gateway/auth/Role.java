package com.clisonix.edge.gateway.auth;

import java.util.Locale;
import java.util.Optional;

/** What an account may do; the contract's section 6 says which routes each role reaches. */
public enum Role {
  ATHLETE, COACH, ADMIN, DEVICE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWire(String s) {
    for (Role r : values()) {
      if (r.wireName().equals(s)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
