package com.clisonix.edge.sensor.sim;

/**
 * One simulated athlete as a test or the demo needs to know them: enough to create a matching
 * profile and pair its devices and camera track.
 *
 * @param index         position on the floor, 0-based
 * @param username      a suggested username, unique within the simulation
 * @param age           years
 * @param gender        {@code M}, {@code F} or {@code X}
 * @param weightKg      body mass
 * @param restingHr     resting heart rate, bpm
 * @param maxHr         maximum heart rate, bpm (what the athlete's heart actually reaches)
 * @param strapId       normalised device id of their heart-rate strap
 * @param bridgeId      the bridge that relays their strap and machine
 * @param machine       their machine, or {@code null} when they train on the floor
 * @param machineId     normalised device id of their machine, or {@code null}
 * @param cameraId      the camera watching them, or {@code null}
 * @param track         their track id at that camera, or {@code null}
 */
public record SimAthlete(int index, String username, int age, String gender, double weightKg, int restingHr,
    int maxHr, String strapId, String bridgeId, MachineKind machine, String machineId, String cameraId,
    String track) {
}
