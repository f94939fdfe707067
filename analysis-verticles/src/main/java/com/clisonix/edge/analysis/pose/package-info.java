/**
 * Pure pose analysis: BlazePose skeletons in pixels or metres, joint angles, One Euro smoothing,
 * visibility gating, camera-alignment check, hysteresis repetition counters, per-repetition form
 * checks and 0-100 scores, plank hold timing ({@link com.clisonix.edge.analysis.pose.ExerciseAnalyzer}),
 * and single-frame form judgement for the spec's pose-analysis request
 * ({@link com.clisonix.edge.analysis.pose.SinglePoseAnalyzer}). No Vert.x; see
 * {@code docs/pose-analysis.md} for thresholds, constants and measured accuracy.
 */
package com.clisonix.edge.analysis.pose;
