package com.clisonix.edge.analysis.pose;

/** What an analyser could do with one frame. */
public enum FrameStatus {
    /** The frame moved the repetition state machine or the plank timer. */
    ANALYSED,
    /** Usable, but too soon after a gap: the first frames only prime the smoother. */
    WARMING_UP,
    /** No person in the frame. */
    NO_POSE,
    /** The joints the exercise needs were not visible: the frame is skipped, not counted. */
    JOINTS_NOT_VISIBLE,
    /** The camera view does not suit the exercise: counting paused. */
    MISALIGNED,
    /** The timestamp did not advance: ignored. */
    OUT_OF_ORDER
}
