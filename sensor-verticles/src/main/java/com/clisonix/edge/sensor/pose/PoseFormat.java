package com.clisonix.edge.sensor.pose;

import java.util.Optional;

/** The landmark layouts a camera may send (CONTRACT.md §1, pose frame). */
public enum PoseFormat {
    /** 33 BlazePose landmarks, rows {@code [x, y, z, visibility]}. */
    MEDIAPIPE33("mediapipe33", 33, 4),
    /** 17 COCO keypoints, rows {@code [x, y, score]}, mapped onto BlazePose slots. */
    COCO17("coco17", 17, 3);

    private final String wireName;
    private final int rows;
    private final int arity;

    PoseFormat(String wireName, int rows, int arity) {
        this.wireName = wireName;
        this.rows = rows;
        this.arity = arity;
    }

    public String wireName() {
        return wireName;
    }

    /** Number of landmark rows a person of this format must carry. */
    public int rows() {
        return rows;
    }

    /** Number of values per landmark row. */
    public int arity() {
        return arity;
    }

    public static Optional<PoseFormat> fromWireName(String name) {
        for (PoseFormat f : values()) {
            if (f.wireName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
