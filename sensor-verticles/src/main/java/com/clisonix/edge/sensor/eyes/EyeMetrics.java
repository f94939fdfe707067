package com.clisonix.edge.sensor.eyes;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One eye-tracking sample for a camera track (CONTRACT.md §1, eyes topic; field meanings follow
 * the Fitness Training Module specification's emotional-state input).
 *
 * @param ts                the payload's time, epoch ms, when sent
 * @param track             the camera's track id
 * @param pupilSizeMm       pupil diameter, mm
 * @param pupilDilationRate rate of pupil change, as the camera reports it
 * @param blinkRatePerMin   blinks per minute
 * @param eyeGazeStability  gaze stability score, as the camera reports it (0-100 in the spec)
 * @param dropped           fields present but unusable (wrong type, non-finite)
 */
public record EyeMetrics(OptionalLong ts, String track, OptionalDouble pupilSizeMm,
                         OptionalDouble pupilDilationRate, OptionalDouble blinkRatePerMin,
                         OptionalDouble eyeGazeStability, List<DroppedField> dropped) {

    /** rawExtras key for the dilation rate, which has no reading type. */
    public static final String DILATION_RATE_KEY = "pupil_dilation_rate";
    /** rawExtras key for the gaze stability, which has no reading type. */
    public static final String GAZE_STABILITY_KEY = "eye_gaze_stability";

    public EyeMetrics {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(pupilSizeMm, "pupilSizeMm");
        Objects.requireNonNull(pupilDilationRate, "pupilDilationRate");
        Objects.requireNonNull(blinkRatePerMin, "blinkRatePerMin");
        Objects.requireNonNull(eyeGazeStability, "eyeGazeStability");
        dropped = List.copyOf(dropped);
    }

    /**
     * The sample as readings: {@code pupil_size} and {@code blink_rate} are vocabulary types;
     * dilation rate and gaze stability have none and travel in rawExtras (they feed the
     * emotional-state and stress analysers through {@code raw_data}).
     */
    public DecodeResult.Decoded toDecoded() {
        List<Measurement> out = new ArrayList<>(2);
        pupilSizeMm.ifPresent(v -> out.add(new Measurement(ReadingType.PUPIL_SIZE, v)));
        blinkRatePerMin.ifPresent(v -> out.add(new Measurement(ReadingType.BLINK_RATE, v)));
        Map<String, Object> extras = new HashMap<>(4);
        pupilDilationRate.ifPresent(v -> extras.put(DILATION_RATE_KEY, v));
        eyeGazeStability.ifPresent(v -> extras.put(GAZE_STABILITY_KEY, v));
        return new DecodeResult.Decoded(out, extras, dropped);
    }
}
