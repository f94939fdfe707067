package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;

/**
 * A workout that passed {@link CountedWorkouts}' rules, with the two facts every statistic needs
 * resolved once: how long it lasted and on which local calendar day it started.
 *
 * @param facts    the workout as loaded
 * @param minutes  its duration in minutes (stored value, or derived from the timestamps)
 * @param localDay the gym-local date of its start: the day it counts for in streaks and windows
 */
record CountedWorkout(WorkoutFacts facts, double minutes, LocalDate localDay) {
}
