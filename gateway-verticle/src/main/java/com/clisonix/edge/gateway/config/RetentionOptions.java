package com.clisonix.edge.gateway.config;

import java.util.Locale;

/**
 * How much the edge database may hold and what happens at the limit.
 *
 * @param maxReadings the retention limit, in stored readings ({@code biometric_data} rows)
 * @param dbBudgetBytes the disk the edge database may use; capacity in hours is reported against it
 * @param policy what the box does once {@code maxReadings} is reached
 * @param dropUnreplicated whether {@code drop-oldest-readings} may drop readings the cloud has not
 *     confirmed (they are then lost); off by default, so the box refuses new readings instead
 * @param checkIntervalMs how often the box measures itself and applies the policy
 */
public record RetentionOptions(long maxReadings, long dbBudgetBytes, Policy policy, boolean dropUnreplicated,
    int checkIntervalMs) {

  /** The explicit choice at the limit; profiles and workouts are never dropped by either. */
  public enum Policy {
    /** The journal refuses new readings (MQTT stays unacknowledged, HTTP answers 507). */
    REJECT_NEW("reject-new"),
    /** The oldest readings the cloud already has are deleted to make room. */
    DROP_OLDEST_READINGS("drop-oldest-readings");

    private final String wire;

    Policy(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  static RetentionOptions from(ConfigReader r) {
    long max = r.integer("retention.max_readings", 50_000_000, 1, 2_000_000_000);
    long budget = r.integer("retention.db_budget_mb", 20_480, 16, 100_000_000) * 1024L * 1024L;
    String p = r.string("retention.policy", "drop-oldest-readings").toLowerCase(Locale.ROOT);
    Policy policy = switch (p) {
      case "reject-new" -> Policy.REJECT_NEW;
      case "drop-oldest-readings" -> Policy.DROP_OLDEST_READINGS;
      default -> throw new ConfigException("retention.policy",
          "retention.policy must be reject-new or drop-oldest-readings, got '" + p + "'");
    };
    boolean unreplicated = r.bool("retention.drop_unreplicated", false);
    int interval = r.integer("retention.check_interval_ms", 10_000, 100, 3_600_000);
    return new RetentionOptions(max, budget, policy, unreplicated, interval);
  }
}
