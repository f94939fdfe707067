package com.clisonix.edge.analysis.pose;

/**
 * The 33 BlazePose landmarks in model order (MediaPipe {@code PoseLandmark}, also ML Kit and the
 * tfjs {@code BLAZEPOSE_KEYPOINTS}; reference: pose.md section 1). The ordinal is the row index
 * in a {@code mediapipe33} frame.
 */
public enum PoseLandmark {
    NOSE, LEFT_EYE_INNER, LEFT_EYE, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE, RIGHT_EYE_OUTER,
    LEFT_EAR, RIGHT_EAR, MOUTH_LEFT, MOUTH_RIGHT,
    LEFT_SHOULDER, RIGHT_SHOULDER, LEFT_ELBOW, RIGHT_ELBOW, LEFT_WRIST, RIGHT_WRIST,
    LEFT_PINKY, RIGHT_PINKY, LEFT_INDEX, RIGHT_INDEX, LEFT_THUMB, RIGHT_THUMB,
    LEFT_HIP, RIGHT_HIP, LEFT_KNEE, RIGHT_KNEE, LEFT_ANKLE, RIGHT_ANKLE,
    LEFT_HEEL, RIGHT_HEEL, LEFT_FOOT_INDEX, RIGHT_FOOT_INDEX;

    /** Number of landmarks in a BlazePose frame. */
    public static final int COUNT = 33;

    /** Row index in a {@code mediapipe33} frame. */
    public int index() {
        return ordinal();
    }

    /**
     * Index of a body joint on one side: {@code side} 0 is the athlete's left, 1 the right.
     * Only meaningful for the paired landmarks from the shoulders down, whose left and right
     * entries alternate.
     */
    static int onSide(PoseLandmark leftJoint, int side) {
        return leftJoint.ordinal() + side;
    }
}
