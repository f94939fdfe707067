package com.clisonix.edge.sensor.sim.pose;

/**
 * One synthesised camera frame for one person.
 *
 * @param tsMillis  frame time in epoch milliseconds
 * @param frame     frame number at the camera (dropped frames leave gaps)
 * @param landmarks 33 rows {@code [x, y, z, visibility]}: x and y normalised by the frame width and
 *                  height, z on the x scale relative to the hip midpoint (BlazePose image landmarks)
 * @param world     33 rows {@code [x, y, z]} in metres, origin between the hips, +y down
 *                  (BlazePose world landmarks), or {@code null} when world output is switched off
 */
public record PoseSample(long tsMillis, long frame, double[][] landmarks, double[][] world) {
}
