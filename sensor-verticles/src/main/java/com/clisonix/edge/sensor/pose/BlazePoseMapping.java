package com.clisonix.edge.sensor.pose;

/**
 * Where each COCO-17 keypoint lands among the 33 BlazePose landmarks (pose.md §2, after the
 * keypoint orders of TensorFlow.js pose-detection). COCO has no heels, foot indices, hand points,
 * inner/outer eye corners or mouth corners; those BlazePose slots stay empty (visibility 0) and
 * are never invented from neighbours.
 */
public final class BlazePoseMapping {

    /** Number of BlazePose landmarks. */
    public static final int LANDMARKS = 33;

    /** {@code COCO_TO_BLAZEPOSE[cocoIndex]} is the BlazePose index of that keypoint. */
    private static final int[] COCO_TO_BLAZEPOSE = {
        0,  // nose
        2,  // left eye
        5,  // right eye
        7,  // left ear
        8,  // right ear
        11, // left shoulder
        12, // right shoulder
        13, // left elbow
        14, // right elbow
        15, // left wrist
        16, // right wrist
        23, // left hip
        24, // right hip
        25, // left knee
        26, // right knee
        27, // left ankle
        28, // right ankle
    };

    private static final boolean[] COCO_COVERED = new boolean[LANDMARKS];

    static {
        for (int b : COCO_TO_BLAZEPOSE) {
            COCO_COVERED[b] = true;
        }
    }

    private BlazePoseMapping() {
    }

    /** The BlazePose index of a COCO-17 keypoint index (0-16). */
    public static int blazePoseIndexOfCoco(int cocoIndex) {
        return COCO_TO_BLAZEPOSE[cocoIndex];
    }

    /** Whether a BlazePose landmark can be filled from the given format. */
    public static boolean isCovered(PoseFormat format, int blazePoseIndex) {
        return format == PoseFormat.MEDIAPIPE33 || COCO_COVERED[blazePoseIndex];
    }
}
