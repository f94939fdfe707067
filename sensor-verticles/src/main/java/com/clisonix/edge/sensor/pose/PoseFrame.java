package com.clisonix.edge.sensor.pose;

import com.clisonix.edge.sensor.decode.DroppedField;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One decoded camera frame (CONTRACT.md §1, pose frame).
 *
 * @param ts      the payload's time, epoch ms, when sent (not yet checked against the window)
 * @param frame   the camera's frame counter
 * @param width   image width in pixels (positive), needed to turn normalised x into pixels
 * @param height  image height in pixels (positive)
 * @param people  the usable people, in payload order; may be empty
 * @param dropped people left out, as {@code people[i]} with the reason
 */
public record PoseFrame(OptionalLong ts, long frame, int width, int height, List<PosePerson> people,
                        List<DroppedField> dropped) {

    public PoseFrame {
        Objects.requireNonNull(ts, "ts");
        people = List.copyOf(people);
        dropped = List.copyOf(dropped);
    }
}
