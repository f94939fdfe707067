package com.clisonix.edge.analysis.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads ML Kit's pose classification samples ({@code pose/fitness_pose_samples.csv}, Apache-2.0,
 * licence file next to it). Format (reference README.md, "fitness_pose_samples.csv"): no header;
 * image name, class, then 33 landmarks x, y, z in pixels of the source image.
 */
final class MlKitPoseSamples {

    /** One labelled frame. */
    record Sample(String image, String label, double[][] xyz) {
    }

    private MlKitPoseSamples() {
    }

    static List<Sample> load() {
        InputStream in = MlKitPoseSamples.class.getResourceAsStream("/pose/fitness_pose_samples.csv");
        if (in == null) {
            throw new IllegalStateException("pose/fitness_pose_samples.csv missing from test resources");
        }
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 2 + 99) {
                    throw new IllegalStateException("expected 101 columns, got " + f.length);
                }
                double[][] xyz = new double[33][3];
                for (int i = 0; i < 99; i++) {
                    xyz[i / 3][i % 3] = Double.parseDouble(f[2 + i]);
                }
                out.add(new Sample(f[0], f[1], xyz));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
