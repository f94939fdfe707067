package com.clisonix.edge.sensor.sim.pose;

import static com.clisonix.edge.sensor.sim.pose.Planar.add;
import static com.clisonix.edge.sensor.sim.pose.Planar.fromVertical;
import static com.clisonix.edge.sensor.sim.pose.Planar.p;
import static com.clisonix.edge.sensor.sim.pose.Planar.rotate;

/**
 * Standing exercises posed in the sagittal plane (forward, up): squat, deadlift, lunge and bicep
 * curl. Legs are built from the ankle up (shin tilt, then knee angle, then torso lean), so the
 * feet stay planted as they do on the gym floor.
 *
 * <p>Joint targets at the bottom of a clean repetition sit well inside the usual coaching ranges
 * (squat knee about 72 deg with shins 28 deg forward and torso 35 deg from vertical; deadlift
 * hip about 90 deg with the back 50 deg from vertical; lunge front knee 90 deg; curl elbow 40 deg);
 * each fault moves one target well past the usual limit (a lunge's knee-over-toe fault pushes the hips 0.26 m forward at the bottom, tipping the front shin to about 39 deg), so ground truth is unambiguous.
 */
final class UprightKinematics implements Kinematics {

    private final SimExercise exercise;
    private final SimFault fault;
    private final BodyDimensions b;
    private final double lungeTopHipU;
    private final double lungeBottomHipU;

    UprightKinematics(SimExercise exercise, SimFault fault, BodyDimensions dims) {
        this.exercise = exercise;
        this.fault = fault;
        this.b = dims;
        double split = lungeSplit();
        double reach = 0.995 * b.leg();
        this.lungeTopHipU = b.ankleHeight() + Math.sqrt(reach * reach - split * split);
        this.lungeBottomHipU = exercise == SimExercise.LUNGE ? solveLungeBottom() : 0;
    }

    @Override
    public void pose(double d, BodyFrame out) {
        switch (exercise) {
            case SQUAT -> squat(d, out);
            case DEADLIFT -> deadlift(d, out);
            case LUNGE -> lunge(d, out);
            default -> curl(d, out);
        }
    }

    private void squat(double d, BodyFrame out) {
        double kneeBottom = fault == SimFault.SHALLOW ? 118 : 72;
        double shinBottom = fault == SimFault.KNEE_OVER_TOE ? 50 : 28;
        double leanBottom = fault == SimFault.TORSO_LEAN ? 62 : 35;
        double knee = 178 - (178 - kneeBottom) * d;
        double[][] leg = legFromAnkle(shinBottom * d, knee);
        double lean = 5 + (leanBottom - 5) * d;
        double[] shoulder = add(leg[1], fromVertical(lean), b.torso());
        double armFromDown = 5 + 80 * d;
        arms(shoulder, armFromDown, 170, out);
        legs(leg[0], leg[1], leg[0], leg[1], out);
        torsoAndHead(leg[1], shoulder, lean, out);
        feet(out, 0, 0);
    }

    private void deadlift(double d, BodyFrame out) {
        boolean softTop = fault == SimFault.INCOMPLETE_LOCKOUT;
        boolean shallow = fault == SimFault.SHALLOW;
        double kneeTop = softTop ? 166 : 178;
        double leanTop = softTop ? 3 : 2;
        double kneeBottom = shallow ? 150 : 125;
        double leanBottom = fault == SimFault.BACK_TOO_HORIZONTAL ? 75 : shallow ? 30 : 50;
        double knee = kneeTop - (kneeTop - kneeBottom) * d;
        double[][] leg = legFromAnkle(15 * d, knee);
        double lean = leanTop + (leanBottom - leanTop) * d;
        double[] shoulder = add(leg[1], fromVertical(lean), b.torso());
        arms(shoulder, 0, 178, out);
        legs(leg[0], leg[1], leg[0], leg[1], out);
        torsoAndHead(leg[1], shoulder, lean, out);
        feet(out, 0, 0);
    }

    private void lunge(double d, BodyFrame out) {
        double shift = fault == SimFault.KNEE_OVER_TOE ? 0.26 * b.leg() / 0.86 : 0;
        double hipU = lungeTopHipU + (lungeBottomHipU - lungeTopHipU) * d;
        double[] hip = p(shift * d, hipU);
        double split = lungeSplit();
        double[] frontAnkle = p(split, b.ankleHeight());
        double[] backAnkle = p(-split, b.ankleHeight() + 0.04);
        double[] frontKnee = Planar.middleJoint(frontAnkle, hip, b.shin(), b.thigh(), p(1, 0));
        double[] backKnee = Planar.middleJoint(backAnkle, hip, b.shin(), b.thigh(), p(1, -0.3));
        double leanBottom = fault == SimFault.TORSO_LEAN ? 35 : 8;
        double lean = 3 + (leanBottom - 3) * d;
        double[] shoulder = add(hip, fromVertical(lean), b.torso());
        arms(shoulder, 4, 172, out);
        legs(frontKnee, hip, backKnee, hip, out);
        out.set(BodyFrame.LEFT_ANKLE, frontAnkle[0], b.legHalf(), frontAnkle[1]);
        out.set(BodyFrame.LEFT_ANKLE + BodyFrame.RIGHT, backAnkle[0], -b.legHalf(), backAnkle[1]);
        torsoAndHead(hip, shoulder, lean, out);
        feet(out, 0, 45);
    }

    private void curl(double d, BodyFrame out) {
        double[][] leg = legFromAnkle(0, 178);
        double lean = fault == SimFault.BODY_SWING ? -30 * d : 0;
        double[] shoulder = add(leg[1], fromVertical(lean), b.torso());
        double upperBottom = fault == SimFault.LOOSE_UPPER_ARM ? 45 : 10;
        double elbowBottom = fault == SimFault.SHALLOW ? 85 : 40;
        double upper = 3 + (upperBottom - 3) * d;
        double elbow = 170 - (170 - elbowBottom) * d;
        arms(shoulder, upper, elbow, out);
        legs(leg[0], leg[1], leg[0], leg[1], out);
        torsoAndHead(leg[1], shoulder, lean, out);
        feet(out, 0, 0);
    }

    /** Knee and hip for a shin tilted {@code shinDeg} forward and a knee angle {@code kneeDeg}. */
    private double[][] legFromAnkle(double shinDeg, double kneeDeg) {
        double[] ankle = p(0, b.ankleHeight());
        double[] shinUp = fromVertical(shinDeg);
        double[] knee = add(ankle, shinUp, b.shin());
        double[] towardAnkle = p(-shinUp[0], -shinUp[1]);
        double[] thighDir = rotate(towardAnkle, -kneeDeg);
        double[] hip = add(knee, thighDir, b.thigh());
        return new double[][] {knee, hip};
    }

    /**
     * Both arms: upper arm {@code fromDownDeg} forward of hanging straight down, forearm bent
     * forward so the elbow's inner angle is {@code elbowDeg}.
     */
    private void arms(double[] shoulder, double fromDownDeg, double elbowDeg, BodyFrame out) {
        double[] upperDir = rotate(p(0, -1), fromDownDeg);
        double[] elbow = add(shoulder, upperDir, b.upperArm());
        double[] foreDir = rotate(upperDir, 180 - elbowDeg);
        double[] wrist = add(elbow, foreDir, b.forearm());
        out.pair(BodyFrame.LEFT_SHOULDER, shoulder[0], shoulder[1], b.shoulderHalf());
        out.pair(BodyFrame.LEFT_ELBOW, elbow[0], elbow[1], b.armHalf());
        out.pair(BodyFrame.LEFT_WRIST, wrist[0], wrist[1], b.armHalf());
        out.hand(BodyFrame.LEFT_WRIST, BodyFrame.LEFT_ELBOW);
        out.hand(BodyFrame.LEFT_WRIST + 1, BodyFrame.LEFT_ELBOW + 1);
    }

    private void legs(double[] leftKnee, double[] leftHip, double[] rightKnee, double[] rightHip,
                      BodyFrame out) {
        out.set(BodyFrame.LEFT_KNEE, leftKnee[0], b.legHalf(), leftKnee[1]);
        out.set(BodyFrame.LEFT_KNEE + 1, rightKnee[0], -b.legHalf(), rightKnee[1]);
        out.set(BodyFrame.LEFT_HIP, leftHip[0], b.hipHalf(), leftHip[1]);
        out.set(BodyFrame.LEFT_HIP + 1, rightHip[0], -b.hipHalf(), rightHip[1]);
        out.pair(BodyFrame.LEFT_ANKLE, 0, b.ankleHeight(), b.legHalf());
    }

    private void torsoAndHead(double[] hip, double[] shoulder, double leanDeg, BodyFrame out) {
        double headLean = leanDeg * 0.6;
        double[] up2 = fromVertical(headLean);
        double[] c = add(shoulder, up2, b.neck());
        double[] fw2 = rotate(up2, -90);
        out.head(new double[] {c[0], 0, c[1]}, new double[] {fw2[0], 0, fw2[1]},
                new double[] {up2[0], 0, up2[1]});
    }

    private static void feet(BodyFrame out, double leftPitch, double rightPitch) {
        out.foot(BodyFrame.LEFT_ANKLE, leftPitch);
        out.foot(BodyFrame.LEFT_ANKLE + 1, rightPitch);
    }

    private double lungeSplit() {
        return 0.34 * b.leg() / 0.86;
    }

    /** Hip height at which the front knee reaches its bottom angle (bisection; monotone). */
    private double solveLungeBottom() {
        double target = fault == SimFault.SHALLOW ? 135 : 90;
        double shift = fault == SimFault.KNEE_OVER_TOE ? 0.26 * b.leg() / 0.86 : 0;
        double[] ankle = p(lungeSplit(), b.ankleHeight());
        double lo = b.ankleHeight() + 0.05;
        double hi = lungeTopHipU;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            double knee = Planar.innerAngle(b.shin(), b.thigh(), Planar.dist(ankle, p(shift, mid)));
            if (knee < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
