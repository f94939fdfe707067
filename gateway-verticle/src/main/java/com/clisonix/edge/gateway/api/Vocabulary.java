package com.clisonix.edge.gateway.api;

import java.util.Set;

/** The contract's enumerations (section 6), case-sensitive. */
public final class Vocabulary {
  public static final Set<String> FITNESS_LEVEL = Set.of("beginner", "intermediate", "advanced", "elite");
  public static final Set<String> GOAL = Set.of("weight_loss", "muscle_gain", "strength", "endurance", "flexibility",
      "general_fitness", "rehabilitation");
  public static final Set<String> INTENSITY = Set.of("low", "moderate", "high", "hiit");
  public static final Set<String> WORKOUT_TYPE = Set.of("cardio", "strength", "flexibility", "hiit", "mobility", "sports",
      "mixed", "other");
  public static final Set<String> MOOD = Set.of("terrible", "bad", "neutral", "good", "excellent");
  public static final Set<String> GENDER = Set.of("M", "F", "X");
  public static final Set<String> CONTEXT = Set.of("rest", "workout", "recovery", "sleep");
  public static final Set<String> DEVICE_TYPE = Set.of("phone", "smartwatch", "chest_strap", "armband", "bike", "treadmill",
      "rower", "cross_trainer", "stepper", "camera", "other");
  public static final Set<String> ROLE = Set.of("athlete", "coach", "admin", "device");

  private Vocabulary() {}
}
