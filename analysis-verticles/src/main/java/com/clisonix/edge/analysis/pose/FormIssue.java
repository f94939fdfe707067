package com.clisonix.edge.analysis.pose;

import java.util.Locale;

/**
 * Every form fault the analysers report, with the wording for the spec's {@code form_issues},
 * {@code recommended_form_corrections} and {@code audio_coaching} fields, the limit that triggers
 * it and its score penalty.
 *
 * <p>Penalty (a proposal, since no published form-score formula exists; pose.md section 5): a
 * repetition starts at 100 and each violated check subtracts
 * {@code min(cap, base + perUnit * excess)}, where excess is how far past its limit the worst
 * frame of the repetition went (degrees). Partial repetitions cost a flat 50. Limits are from
 * pose.md sections 4 and 5 as noted per constant.
 */
public enum FormIssue {
    PUSH_UP_HIP_SAG(ExerciseKind.PUSH_UP, 165, 10, 1.5, 35,
            "Hips sagging below the shoulder-ankle line",
            "Brace your core and squeeze your glutes to keep a straight line from head to heels",
            "Lift your hips, body in one line!"),
    PUSH_UP_HIP_PIKE(ExerciseKind.PUSH_UP, 165, 10, 1.5, 35,
            "Hips piked above the shoulder-ankle line",
            "Lower your hips until shoulders, hips and ankles line up",
            "Hips down, straight body!"),
    PUSH_UP_SHALLOW(ExerciseKind.PUSH_UP, 95, 50, 0, 50,
            "Partial push-up: elbows did not bend to 90 degrees",
            "Lower your chest until your elbows reach about 90 degrees",
            "Go lower, chest to the floor!"),
    SQUAT_SHALLOW(ExerciseKind.SQUAT, 100, 50, 0, 50,
            "Partial squat: not deep enough",
            "Sit back and down until your knees bend past 90 degrees",
            "Deeper, sit it down!"),
    SQUAT_KNEE_OVER_TOE(ExerciseKind.SQUAT, 40, 10, 1, 25,
            "Knees travelling far past the toes",
            "Push your hips back first and keep your shins more upright",
            "Hips back, knees behind the toes!"),
    SQUAT_TORSO_LEAN(ExerciseKind.SQUAT, 45, 10, 1, 30,
            "Chest falling forward",
            "Keep your chest up and your back closer to upright",
            "Chest up!"),
    DEADLIFT_PARTIAL(ExerciseKind.DEADLIFT, 120, 50, 0, 50,
            "Partial deadlift: hips did not hinge far enough",
            "Hinge at the hips until the weight reaches mid-shin",
            "Hinge deeper, push the hips back!"),
    DEADLIFT_BACK_TOO_HORIZONTAL(ExerciseKind.DEADLIFT, 60, 15, 1.5, 40,
            "Back tipping towards horizontal at the bottom (rounding risk)",
            "Bend the knees a little more and keep your chest proud so the back stays flat",
            "Chest up, flat back!"),
    DEADLIFT_INCOMPLETE_LOCKOUT(ExerciseKind.DEADLIFT, 170, 10, 1, 25,
            "Incomplete lockout at the top",
            "Finish each rep standing tall with hips and knees fully extended",
            "Stand tall, squeeze the glutes!"),
    LUNGE_SHALLOW(ExerciseKind.LUNGE, 115, 50, 0, 50,
            "Partial lunge: front knee not bent enough",
            "Lower until your front knee is at about 90 degrees",
            "Lower, back knee towards the floor!"),
    LUNGE_KNEE_PAST_TOES(ExerciseKind.LUNGE, 30, 10, 1, 25,
            "Front knee pushing far past the toes",
            "Take a longer step and drop straight down, front shin near vertical",
            "Longer step, knee over the ankle!"),
    LUNGE_TORSO_LEAN(ExerciseKind.LUNGE, 20, 8, 1, 25,
            "Leaning forward during the lunge",
            "Keep your torso upright with shoulders over hips",
            "Stay tall!"),
    PULL_UP_CHIN_BELOW_BAR(ExerciseKind.PULL_UP, 80, 50, 0, 50,
            "Chin did not clear the bar",
            "Pull until your chin is above your hands",
            "Chin over the bar!"),
    PULL_UP_NO_FULL_EXTENSION(ExerciseKind.PULL_UP, 160, 50, 0, 50,
            "Arms not straightened between pull-ups",
            "Lower all the way to a dead hang before the next pull",
            "All the way down!"),
    PLANK_HIP_SAG(ExerciseKind.PLANK, 165, 10, 1.5, 50,
            "Hips sagging in the plank",
            "Tuck the pelvis and tighten your core to lift the hips into line",
            "Hips up a little, hold the line!"),
    PLANK_HIP_PIKE(ExerciseKind.PLANK, 165, 10, 1.5, 50,
            "Hips too high in the plank",
            "Lower the hips until shoulders, hips and ankles form one line",
            "Hips down, flat like a board!"),
    CURL_PARTIAL_RANGE(ExerciseKind.BICEP_CURL, 55, 50, 0, 50,
            "Partial curl: weight not brought up to the shoulder",
            "Curl all the way up until the forearm nearly touches the upper arm",
            "All the way up!"),
    CURL_NO_FULL_EXTENSION(ExerciseKind.BICEP_CURL, 155, 50, 0, 50,
            "Arm not straightened at the bottom",
            "Lower the weight until your arm is straight before the next curl",
            "Full stretch at the bottom!"),
    CURL_LOOSE_UPPER_ARM(ExerciseKind.BICEP_CURL, 30, 10, 1, 30,
            "Upper arm swinging forward",
            "Pin your elbows to your sides and move only the forearm",
            "Elbows tight to your sides!"),
    CURL_BODY_SWING(ExerciseKind.BICEP_CURL, 20, 10, 1, 30,
            "Swinging the torso to lift the weight",
            "Stand still and lower the weight if you need momentum",
            "No swinging, control it!");

    private final ExerciseKind exercise;
    private final double limit;
    private final double basePenalty;
    private final double perUnit;
    private final double cap;
    private final String issue;
    private final String recommendation;
    private final String audioCoaching;

    FormIssue(ExerciseKind exercise, double limit, double basePenalty, double perUnit, double cap,
              String issue, String recommendation, String audioCoaching) {
        this.exercise = exercise;
        this.limit = limit;
        this.basePenalty = basePenalty;
        this.perUnit = perUnit;
        this.cap = cap;
        this.issue = issue;
        this.recommendation = recommendation;
        this.audioCoaching = audioCoaching;
    }

    /** Stable lower-case code for the wire, e.g. {@code push_up_hip_sag}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ExerciseKind exercise() {
        return exercise;
    }

    /** The threshold of the check, in degrees. */
    public double limit() {
        return limit;
    }

    /** Text for {@code form_issues}. */
    public String issue() {
        return issue;
    }

    /** Text for {@code recommended_form_corrections}. */
    public String recommendation() {
        return recommendation;
    }

    /** A short spoken cue for {@code audio_coaching}. */
    public String audioCoaching() {
        return audioCoaching;
    }

    /** Whether this issue marks a repetition that was not counted (partial range). */
    public boolean partialRep() {
        return perUnit == 0;
    }

    /** Score penalty for a violation {@code excess} degrees past the limit. */
    public double penalty(double excess) {
        return Math.min(cap, basePenalty + perUnit * Math.max(0, excess));
    }
}
