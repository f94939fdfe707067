package com.clisonix.edge.sensor.sim.pose;

/**
 * An orthographic camera turned about the vertical axis. Yaw 0 looks at the athlete's side
 * (forward maps to the image's horizontal axis, the side away from the camera is the far side);
 * yaw 90 looks at the athlete's front (their left appears on the image's right, as on an
 * unmirrored camera). Depth grows away from the camera, as BlazePose's z does.
 */
final class CameraView {

    private final double a;
    private final double b;
    private final double da;
    private final double db;

    CameraView(double yawDeg, boolean facingRight) {
        double r = Math.toRadians(yawDeg);
        double s = facingRight ? 1 : -1;
        this.a = s * Math.cos(r);
        this.b = Math.sin(r);
        this.da = -Math.sin(r);
        this.db = s * Math.cos(r);
    }

    /** Image-plane metres: {@code [x right, y down, depth away]} for a body point (f, l, u). */
    void project(double[] body, double[] out) {
        out[0] = body[0] * a + body[1] * b;
        out[1] = -body[2];
        out[2] = body[0] * da + body[1] * db;
    }
}
