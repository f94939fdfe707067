package com.clisonix.edge.sensor.sim.pose;

import static com.clisonix.edge.sensor.sim.pose.Planar.p;

/**
 * Pull-up posed in the frontal plane (left, up): hands fixed on a bar 2.25 m high (for a 1.75 m
 * athlete), grip about 0.8 m wide, body hanging below. For an elbow angle the arm span follows
 * from the segment lengths, and the shoulders sit that far below and inside the hands. Elbows
 * point outwards. The nose is 0.2 m above the shoulder line, so at the top of a clean repetition
 * (elbows 50 deg) it clears the hands by about 0.1 m; with the chin-below-bar fault the pull
 * stops at 75 deg with the nose about 0.06 m below the hands.
 */
final class HangKinematics implements Kinematics {

    private final SimFault fault;
    private final BodyDimensions b;
    private final double bar;
    private final double gripHalf;

    HangKinematics(SimFault fault, BodyDimensions dims) {
        this.fault = fault;
        this.b = dims;
        double k = dims.leg() / 0.86;
        this.bar = 2.25 * k;
        this.gripHalf = 0.40 * k;
    }

    @Override
    public void pose(double d, BodyFrame out) {
        double top = fault == SimFault.CHIN_BELOW_BAR ? 75 : 50;
        double elbowDeg = 175 - (175 - top) * d;
        double dx = gripHalf - b.shoulderHalf();
        double span = Planar.span(b.upperArm(), b.forearm(), elbowDeg);
        double drop = Math.sqrt(Math.max(0, span * span - dx * dx));
        double shoulderU = bar - drop;
        for (int side = 0; side < 2; side++) {
            double s = side == 0 ? 1 : -1;
            double[] sh = p(s * b.shoulderHalf(), shoulderU);
            double[] wr = p(s * gripHalf, bar);
            double[] el = Planar.middleJoint(sh, wr, b.upperArm(), b.forearm(), p(s, 0));
            double hipU = shoulderU - b.torso();
            double kneeU = hipU - b.thigh() * 0.99;
            double ankleU = kneeU - b.shin() * 0.99;
            out.set(BodyFrame.LEFT_SHOULDER + side, 0, sh[0], sh[1]);
            out.set(BodyFrame.LEFT_ELBOW + side, 0.02, el[0], el[1]);
            out.set(BodyFrame.LEFT_WRIST + side, 0, wr[0], wr[1]);
            out.set(BodyFrame.LEFT_HIP + side, 0, s * b.hipHalf(), hipU);
            out.set(BodyFrame.LEFT_KNEE + side, 0.06, s * b.legHalf(), kneeU);
            out.set(BodyFrame.LEFT_ANKLE + side, 0.0, s * b.legHalf(), ankleU);
            out.hand(BodyFrame.LEFT_WRIST + side, BodyFrame.LEFT_ELBOW + side);
            out.foot(BodyFrame.LEFT_ANKLE + side, 60);
        }
        double headU = shoulderU + 0.2 * b.leg() / 0.86;
        out.head(new double[] {-0.095, 0, headU}, new double[] {1, 0, 0}, new double[] {0, 0, 1});
    }
}
