package com.clisonix.edge.sensor.pose;

import java.util.Objects;

/**
 * One tracked person in a pose frame, always expressed in BlazePose order whatever the camera
 * sent, so analysers handle a single layout.
 *
 * @param track     the camera's track id for this person (normalised to {@code [A-Za-z0-9_-]{1,64}})
 * @param format    the layout the camera sent
 * @param landmarks 33 rows {@code [x, y, z, visibility]}; x and y normalised to the frame's width
 *                  and height. For {@code coco17}, z is 0, visibility is the keypoint score, and
 *                  slots COCO lacks are all zeros with visibility 0
 * @param world     33 rows {@code [x, y, z]} in metres (hip-centred), or null when not sent;
 *                  only read for {@code mediapipe33}
 *
 * <p>The arrays are handed over by the decoder; treat them as read-only. Equality of the arrays
 * is by identity, as for any record with array components.
 */
public record PosePerson(String track, PoseFormat format, double[][] landmarks, double[][] world) {

    public static final int X = 0;
    public static final int Y = 1;
    public static final int Z = 2;
    public static final int VISIBILITY = 3;

    public PosePerson {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(landmarks, "landmarks");
    }

    public boolean hasWorld() {
        return world != null;
    }

    /** Whether landmark {@code index} carries data from the camera (false for slots COCO lacks). */
    public boolean isCovered(int index) {
        return BlazePoseMapping.isCovered(format, index);
    }
}
