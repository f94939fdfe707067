package com.clisonix.edge.analysis.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Judges one posture for the spec's "Analyze Exercise Form" request
 * ({@code POST /fitness/analyze/pose}): named joints with normalised x, y, z and per-joint
 * confidence in, {@code form_score}, {@code issues} and {@code recommendations} out.
 *
 * <p>One frame has no repetition, so only the checks a static posture can show are applied
 * ({@link FormRules#forFrame}): body line for push-ups and planks, torso lean and shin angle for
 * squats, back angle for deadlifts, front-shin and torso for a lunge in its low position, chin
 * height for a pull-up in its top position, upper arm and torso for curls. Range of motion,
 * lockout and tempo need the movement and are left to the live analyser. The score is 100 minus
 * the same penalties as a repetition.
 *
 * <p>Joint names: {@code nose}, {@code shoulder}, {@code elbow}, {@code wrist}, {@code hip},
 * {@code knee}, {@code ankle}, {@code heel}, {@code foot_index}, each optionally prefixed
 * {@code left_} or {@code right_}. Unprefixed names describe the side facing the camera and fill
 * the left slots (or the right ones when {@code left_} is given too). A joint whose confidence is
 * below the visibility gate is ignored; a joint without a confidence entry is trusted.
 *
 * <p>Angles need pixel proportions. The request has no frame size, so callers pass it when they
 * know it; without it the coordinates are taken as from a square frame, and the result says so
 * in its notes. The z values are not used (image z is unreliable, pose.md section 3).
 */
public final class SinglePoseAnalyzer {

    /** What the analyser could do with the request. */
    public enum Status { OK, UNKNOWN_EXERCISE, INSUFFICIENT_LANDMARKS }

    /** One named joint, normalised to the frame. */
    public record Joint(double x, double y, double z) {
    }

    /**
     * The analysis, shaped after the spec's response.
     *
     * @param exercise        wire name of the exercise, or the name as given when unknown
     * @param formScore       0-100, empty unless {@link Status#OK}
     * @param issues          texts for {@code issues}
     * @param recommendations texts for {@code recommendations}
     * @param detected        the same issues as codes
     * @param notes           caveats about the judgement (assumed frame shape, checks skipped)
     */
    public record Result(Status status, String exercise, OptionalDouble formScore,
                         List<String> issues, List<String> recommendations,
                         List<FormIssue> detected, List<String> notes) {
        public Result {
            issues = List.copyOf(issues);
            recommendations = List.copyOf(recommendations);
            detected = List.copyOf(detected);
            notes = List.copyOf(notes);
        }
    }

    private static final Map<String, PoseLandmark> LEFT_NAMES = Map.of(
            "shoulder", PoseLandmark.LEFT_SHOULDER, "elbow", PoseLandmark.LEFT_ELBOW,
            "wrist", PoseLandmark.LEFT_WRIST, "hip", PoseLandmark.LEFT_HIP,
            "knee", PoseLandmark.LEFT_KNEE, "ankle", PoseLandmark.LEFT_ANKLE,
            "heel", PoseLandmark.LEFT_HEEL, "foot_index", PoseLandmark.LEFT_FOOT_INDEX);

    private static final Map<ExerciseKind, String> GENERAL_CUE = Map.of(
            ExerciseKind.PUSH_UP, "Keep elbows about 45 degrees from your body and lower with control",
            ExerciseKind.SQUAT, "Keep your weight over mid-foot and your chest up",
            ExerciseKind.DEADLIFT, "Keep the bar close and your back flat through the lift",
            ExerciseKind.LUNGE, "Step long enough that the front knee stays over the ankle",
            ExerciseKind.PULL_UP, "Start each pull from a dead hang and finish chin over the bar",
            ExerciseKind.PLANK, "Keep breathing and hold one straight line from head to heels",
            ExerciseKind.BICEP_CURL, "Keep the elbows still and lower the weight slowly");

    private SinglePoseAnalyzer() {
    }

    /** Analyses a request whose frame size is unknown (coordinates treated as square). */
    public static Result analyze(String exerciseName, Map<String, Joint> landmarks,
                                 Map<String, Double> confidence) {
        return analyze(exerciseName, landmarks, confidence, 0, 0);
    }

    /**
     * Analyses one posture.
     *
     * @param width  frame width in pixels, or 0 when unknown
     * @param height frame height in pixels, or 0 when unknown
     */
    public static Result analyze(String exerciseName, Map<String, Joint> landmarks,
                                 Map<String, Double> confidence, int width, int height) {
        var kind = ExerciseKind.fromName(exerciseName);
        String name = kind.map(ExerciseKind::wireName).orElse(exerciseName);
        List<String> notes = new ArrayList<>();
        if (kind.isEmpty()) {
            return new Result(Status.UNKNOWN_EXERCISE, name, OptionalDouble.empty(), List.of(),
                    List.of(), List.of(), List.of("exercise not supported by pose analysis"));
        }
        boolean sized = width > 0 && height > 0;
        if (!sized) {
            notes.add("frame size not given: coordinates treated as from a square frame");
        }
        PosePoints p = toPoints(landmarks == null ? Map.of() : landmarks,
                confidence == null ? Map.of() : confidence, sized ? width : 1, sized ? height : 1);
        FrameFeatures f = new FrameFeatures();
        FeatureExtractor.extract(kind.get(), p, -1, f);
        if (!judgeable(kind.get(), f)) {
            return new Result(Status.INSUFFICIENT_LANDMARKS, name, OptionalDouble.empty(),
                    List.of(), List.of(), List.of(), List.of(
                            "not enough confident joints for the " + name + " checks"));
        }
        List<Violation> v = FormRules.forFrame(kind.get(), f);
        List<String> issues = new ArrayList<>();
        List<String> recs = new ArrayList<>();
        List<FormIssue> codes = new ArrayList<>();
        for (Violation x : v) {
            issues.add(x.issue().issue());
            recs.add(x.issue().recommendation());
            codes.add(x.issue());
        }
        if (recs.isEmpty()) {
            recs.add(GENERAL_CUE.get(kind.get()));
        }
        notes.add("single frame: range of motion and lockout are not judged");
        return new Result(Status.OK, name, OptionalDouble.of(FormRules.score(v)), issues, recs,
                codes, notes);
    }

    private static boolean judgeable(ExerciseKind kind, FrameFeatures f) {
        return switch (kind) {
            case PUSH_UP, PLANK -> Double.isFinite(f.bodyLine);
            case SQUAT, DEADLIFT, BICEP_CURL -> Double.isFinite(f.torsoLean)
                    || Double.isFinite(f.upperArm);
            case LUNGE -> Double.isFinite(f.kneeAngle);
            case PULL_UP -> f.countable;
        };
    }

    private static PosePoints toPoints(Map<String, Joint> joints, Map<String, Double> conf,
                                       int width, int height) {
        PosePoints p = new PosePoints();
        p.world = false;
        boolean leftGiven = false;
        for (String k : joints.keySet()) {
            leftGiven |= k != null && k.toLowerCase(Locale.ROOT).startsWith("left_");
        }
        for (Map.Entry<String, Joint> e : joints.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            String key = e.getKey().toLowerCase(Locale.ROOT).trim();
            int idx = slot(key, leftGiven);
            Joint j = e.getValue();
            if (idx < 0 || !Double.isFinite(j.x()) || !Double.isFinite(j.y())) {
                continue;
            }
            Double c = conf.get(e.getKey());
            double vis = c == null ? 1.0 : c;
            p.x[idx] = j.x() * width;
            p.y[idx] = j.y() * height;
            p.z[idx] = 0;
            p.vis[idx] = vis;
            p.usable[idx] = vis >= PosePoints.VISIBILITY_GATE;
        }
        return p;
    }

    private static int slot(String key, boolean leftGiven) {
        if (key.equals("nose")) {
            return PoseLandmark.NOSE.index();
        }
        int side;
        String base;
        if (key.startsWith("left_")) {
            side = 0;
            base = key.substring(5);
        } else if (key.startsWith("right_")) {
            side = 1;
            base = key.substring(6);
        } else {
            side = leftGiven ? 1 : 0;
            base = key;
        }
        PoseLandmark j = LEFT_NAMES.get(base);
        return j == null ? -1 : PoseLandmark.onSide(j, side);
    }
}
