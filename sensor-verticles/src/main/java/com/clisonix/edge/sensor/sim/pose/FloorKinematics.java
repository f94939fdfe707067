package com.clisonix.edge.sensor.sim.pose;

import static com.clisonix.edge.sensor.sim.pose.Planar.add;
import static com.clisonix.edge.sensor.sim.pose.Planar.p;

/**
 * Push-up and forearm plank, posed in the sagittal plane with the toes as the pivot. The body is
 * a straight line from ankle to shoulder unless a sag or pike fault pushes the hips off it,
 * perpendicular to the line (about 0.14 m down or 0.16 m up for a 1.75 m athlete, roughly a
 * 25 deg bend at the hip).
 *
 * <p>Push-up: the hands stay where they were planted at the top, under the shoulders; the
 * shoulder is placed where a circle around the wrist (arm span for the current elbow angle) meets
 * a circle around the ankle (leg plus torso length). Elbow angle 172 deg at the top, 78 deg at the
 * bottom of a clean repetition.
 */
final class FloorKinematics implements Kinematics {

    private static final double WRIST_HEIGHT = 0.03;

    private final SimExercise exercise;
    private final SimFault fault;
    private final BodyDimensions b;
    private final double[] ankle;
    private final double bodyLength;
    private final double wristF;

    FloorKinematics(SimExercise exercise, SimFault fault, BodyDimensions dims) {
        this.exercise = exercise;
        this.fault = fault;
        this.b = dims;
        this.ankle = p(0, 0.10 * dims.leg() / 0.86);
        this.bodyLength = dims.leg() + dims.torso();
        double topSpan = Planar.span(dims.upperArm(), dims.forearm(), 172);
        double shoulderU = WRIST_HEIGHT + topSpan;
        double rise = shoulderU - ankle[1];
        this.wristF = Math.sqrt(bodyLength * bodyLength - rise * rise);
    }

    @Override
    public void pose(double d, BodyFrame out) {
        double[] shoulder;
        double[] elbow;
        double[] wrist;
        double hipOffset;
        if (exercise == SimExercise.PUSH_UP) {
            double bottom = fault == SimFault.SHALLOW ? 118 : 78;
            double elbowDeg = 172 - (172 - bottom) * d;
            wrist = p(wristF, WRIST_HEIGHT);
            double span = Planar.span(b.upperArm(), b.forearm(), elbowDeg);
            shoulder = Planar.circles(ankle, bodyLength, wrist, span, p(0, 1));
            elbow = Planar.middleJoint(shoulder, wrist, b.upperArm(), b.forearm(), p(-1, 0.4));
            hipOffset = fault == SimFault.HIP_SAG ? -0.14 : fault == SimFault.HIP_PIKE ? 0.16 : 0;
        } else {
            double shoulderU = 0.05 + b.upperArm();
            double rise = shoulderU - ankle[1];
            double f = Math.sqrt(bodyLength * bodyLength - rise * rise);
            shoulder = p(f, shoulderU);
            elbow = p(f, 0.05);
            wrist = p(f + b.forearm(), 0.04);
            double full = fault == SimFault.HIP_SAG ? -0.14 : fault == SimFault.HIP_PIKE ? 0.16 : 0;
            hipOffset = full * d;
        }
        hipOffset *= b.leg() / 0.86;
        double len = Planar.dist(ankle, shoulder);
        double[] dir = p((shoulder[0] - ankle[0]) / len, (shoulder[1] - ankle[1]) / len);
        double[] normalUp = p(-dir[1], dir[0]);
        double[] onLine = add(ankle, dir, b.leg());
        double[] hip = add(onLine, normalUp, hipOffset);
        double[] knee = p((ankle[0] + hip[0]) / 2, (ankle[1] + hip[1]) / 2);

        out.pair(BodyFrame.LEFT_SHOULDER, shoulder[0], shoulder[1], b.shoulderHalf());
        out.pair(BodyFrame.LEFT_ELBOW, elbow[0], elbow[1], b.armHalf() + 0.04);
        out.pair(BodyFrame.LEFT_WRIST, wrist[0], wrist[1], b.armHalf());
        out.hand(BodyFrame.LEFT_WRIST, BodyFrame.LEFT_ELBOW);
        out.hand(BodyFrame.LEFT_WRIST + 1, BodyFrame.LEFT_ELBOW + 1);
        out.pair(BodyFrame.LEFT_HIP, hip[0], hip[1], b.hipHalf());
        out.pair(BodyFrame.LEFT_KNEE, knee[0], knee[1], b.legHalf());
        out.pair(BodyFrame.LEFT_ANKLE, ankle[0], ankle[1], b.legHalf());

        double[] c = add(shoulder, dir, b.neck());
        double[] face = p(dir[0] * 0.5 - normalUp[0] * 0.85, dir[1] * 0.5 - normalUp[1] * 0.85);
        out.head(new double[] {c[0], 0, c[1]}, new double[] {face[0], 0, face[1]},
                new double[] {dir[0], 0, dir[1]});
        double pitch = 90 - Math.toDegrees(Math.atan2(dir[1], dir[0])) - 10;
        out.foot(BodyFrame.LEFT_ANKLE, pitch);
        out.foot(BodyFrame.LEFT_ANKLE + 1, pitch);
    }
}
