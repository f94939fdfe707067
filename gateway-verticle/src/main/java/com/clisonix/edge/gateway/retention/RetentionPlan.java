package com.clisonix.edge.gateway.retention;

import com.clisonix.edge.gateway.config.RetentionOptions.Policy;

/**
 * What the edge store does at its retention limit, and how many hours of the current ingest rate
 * it has left. Pure: the verticle measures, this decides.
 */
public final class RetentionPlan {
  /** After a drop the store holds this share of the limit, so the next readings do not trigger another at once. */
  static final double LOW_WATER = 0.95;

  private RetentionPlan() {}

  /**
   * @param dropReplicated oldest readings the cloud has confirmed to delete now
   * @param dropUnreplicated oldest readings the cloud has not confirmed to delete now (lost for the cloud)
   * @param rejectNew whether the journal and the HTTP route must refuse new readings
   */
  public record Decision(long dropReplicated, long dropUnreplicated, boolean rejectNew) {
    static final Decision NOTHING = new Decision(0, 0, false);
  }

  /**
   * @param readings readings stored now
   * @param max the retention limit
   * @param replicated how many of the stored readings the cloud has confirmed
   */
  public static Decision decide(Policy policy, boolean dropUnreplicated, long readings, long max, long replicated) {
    if (readings < max) {
      return Decision.NOTHING;
    }
    if (policy == Policy.REJECT_NEW) {
      return new Decision(0, 0, true);
    }
    long target = Math.min(max - 1, (long) Math.floor(max * LOW_WATER));
    long need = readings - Math.max(0, target);
    long fromReplicated = Math.min(need, Math.max(0, replicated));
    long rest = need - fromReplicated;
    if (rest == 0) {
      return new Decision(fromReplicated, 0, false);
    }
    if (dropUnreplicated) {
      return new Decision(fromReplicated, rest, false);
    }
    // the cloud has too little of the store: keep what it lacks and refuse new readings instead
    return new Decision(fromReplicated, 0, readings - fromReplicated >= max);
  }

  /**
   * Hours until the store reaches its retention limit or the edge database its byte budget,
   * whichever comes first, at the given ingest rate; null when nothing is being ingested.
   */
  public static Double hoursLeft(long readings, long max, long dbBytes, long budgetBytes, double bytesPerReading,
      double readingsPerHour) {
    if (readingsPerHour <= 0) {
      return null;
    }
    double byCount = (max - readings) / readingsPerHour;
    double byBytes = bytesPerReading <= 0 ? byCount : (budgetBytes - dbBytes) / (readingsPerHour * bytesPerReading);
    return Math.max(0, Math.min(byCount, byBytes));
  }
}
