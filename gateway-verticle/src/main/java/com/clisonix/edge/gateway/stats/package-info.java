/**
 * Fitness statistics and personal records, computed from a user's workout history.
 *
 * <p>Everything here is pure: plain records in, plain records out, no Vert.x, no SQL and no clock
 * (the caller passes "now" and the gym's time zone), so the same history always gives the same
 * figures. The repository that loads {@link com.clisonix.edge.gateway.stats.WorkoutFacts}, the
 * aggregation verticle and the HTTP route live elsewhere. The rules (which workouts count, streaks,
 * improvement windows, rounding, record kinds) are collected in {@code docs/stats.md}.
 */
package com.clisonix.edge.gateway.stats;
