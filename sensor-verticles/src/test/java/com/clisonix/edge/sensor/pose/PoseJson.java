package com.clisonix.edge.sensor.pose;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Test helper: builds pose-frame JSON in the contract's shape (CONTRACT.md §1). */
final class PoseJson {

    private PoseJson() {
    }

    /** Rows where value k of row i is {@code i + k / 10}, so every slot is identifiable. */
    static String rows(int count, int arity) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            for (int k = 0; k < arity; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(String.format(Locale.ROOT, "%.1f", i + k / 10.0));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    static String person(String track, String format, String landmarks, String world) {
        return "{\"track\":\"" + track + "\",\"format\":\"" + format + "\",\"landmarks\":" + landmarks
                + (world == null ? "" : ",\"world\":" + world) + "}";
    }

    static String mediapipe(String track) {
        return person(track, "mediapipe33", rows(33, 4), rows(33, 3));
    }

    static String coco(String track) {
        return person(track, "coco17", rows(17, 3), null);
    }

    static String frame(String... people) {
        return "{\"ts\":1732500000123,\"frame\":42,\"width\":1280,\"height\":720,\"people\":["
                + String.join(",", people) + "]}";
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
