package com.clisonix.edge.sensor.pose;

import com.clisonix.edge.sensor.bridge.DeviceIds;

/**
 * Buffers one person's fields while a pose frame streams past (JSON keys may come in any
 * order, so the format may only be known after the landmarks), then validates them and builds
 * the {@link PosePerson}. One instance serves every person of a frame, so a rejected person
 * costs no allocation.
 */
final class PersonBuffer {

    static final int MAX_ROWS = 33;
    static final int MAX_ARITY = 4;

    final double[] landmarks = new double[MAX_ROWS * MAX_ARITY];
    final double[] world = new double[MAX_ROWS * 3];
    String track;
    PoseFormat format;
    boolean hasLandmarks;
    boolean hasWorld;
    int rows;
    int arity;
    int worldRows;
    int worldArity;

    void clear() {
        track = null;
        format = null;
        hasLandmarks = false;
        hasWorld = false;
        rows = 0;
        arity = -1;
        worldRows = 0;
        worldArity = -1;
    }

    String validate() {
        if (track == null) {
            return "missing_track";
        }
        if (!DeviceIds.isPlainId(track)) {
            return "bad_track";
        }
        if (format == null) {
            return "missing_format";
        }
        if (!hasLandmarks) {
            return "missing_landmarks";
        }
        if (rows != format.rows()) {
            return "wrong_row_count";
        }
        if (arity != format.arity()) {
            return "wrong_arity";
        }
        if (format == PoseFormat.MEDIAPIPE33 && hasWorld && (worldRows != MAX_ROWS || worldArity != 3)) {
            return "bad_world";
        }
        return null;
    }

    PosePerson toPerson() {
        double[][] out = new double[BlazePoseMapping.LANDMARKS][4];
        if (format == PoseFormat.MEDIAPIPE33) {
            for (int i = 0; i < MAX_ROWS; i++) {
                System.arraycopy(landmarks, i * MAX_ARITY, out[i], 0, 4);
            }
        } else {
            for (int c = 0; c < 17; c++) {
                double[] row = out[BlazePoseMapping.blazePoseIndexOfCoco(c)];
                row[PosePerson.X] = landmarks[c * MAX_ARITY];
                row[PosePerson.Y] = landmarks[c * MAX_ARITY + 1];
                row[PosePerson.Z] = 0;
                row[PosePerson.VISIBILITY] = landmarks[c * MAX_ARITY + 2];
            }
        }
        double[][] w = null;
        if (format == PoseFormat.MEDIAPIPE33 && hasWorld) {
            w = new double[MAX_ROWS][3];
            for (int i = 0; i < MAX_ROWS; i++) {
                System.arraycopy(world, i * 3, w[i], 0, 3);
            }
        }
        return new PosePerson(track, format, out, w);
    }
}
