package com.clisonix.edge.sensor.decode;

import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's usability rules (CONTRACT.md §1 "Decoding"), applied after a decoder has
 * decoded a packet faithfully. Keeping them out of the decoders means a decoder's output always
 * shows what the device sent, and the rules can be tested (and changed) on their own.
 *
 * <ul>
 *   <li>A non-finite value (NaN, ±infinity) is dropped: it cannot be stored or averaged.</li>
 *   <li>A heart rate of 0 from a fitness machine means "no strap paired" and is dropped with
 *       reason {@code not_available}.</li>
 *   <li>Any other heart rate outside {@value #HEART_RATE_MIN}–{@value #HEART_RATE_MAX} bpm is
 *       dropped with reason {@code out_of_range}.</li>
 *   <li>Every other value outside its type's plausible range is kept but listed as implausible,
 *       for the {@code /metrics} counter.</li>
 * </ul>
 * A dropped field never takes the rest of the packet with it.
 */
public final class PlausibilityRules {

    /** Lowest heart rate kept, bpm (inclusive). */
    public static final double HEART_RATE_MIN = 20;
    /** Highest heart rate kept, bpm (inclusive). */
    public static final double HEART_RATE_MAX = 300;

    /**
     * The checked packet.
     *
     * @param decoded    the packet with unusable fields removed and listed in {@code dropped}
     * @param implausible the kept readings that lie outside their type's plausible range
     */
    public record Outcome(DecodeResult.Decoded decoded, List<Measurement> implausible) {
        public Outcome {
            implausible = List.copyOf(implausible);
        }
    }

    private PlausibilityRules() {
    }

    /**
     * Applies the rules to one decoded packet.
     *
     * @param decoded     a decoder's output
     * @param fromMachine true when the packet came from a fitness machine (a heart rate of 0 then
     *                    means "none" rather than an out-of-range value)
     */
    public static Outcome apply(DecodeResult.Decoded decoded, boolean fromMachine) {
        List<Measurement> in = decoded.measurements();
        List<Measurement> kept = null;
        List<DroppedField> dropped = null;
        List<Measurement> implausible = null;
        for (int i = 0; i < in.size(); i++) {
            Measurement m = in.get(i);
            String reason = dropReason(m, fromMachine);
            if (reason != null) {
                if (kept == null) {
                    kept = new ArrayList<>(in.subList(0, i));
                    dropped = new ArrayList<>(decoded.dropped());
                }
                dropped.add(new DroppedField(m.type().wireName(), reason));
                continue;
            }
            if (kept != null) {
                kept.add(m);
            }
            if (!m.isPlausible()) {
                if (implausible == null) {
                    implausible = new ArrayList<>(2);
                }
                implausible.add(m);
            }
        }
        DecodeResult.Decoded out = kept == null
                ? decoded
                : new DecodeResult.Decoded(kept, decoded.rawExtras(), dropped);
        return new Outcome(out, implausible == null ? List.of() : implausible);
    }

    private static String dropReason(Measurement m, boolean fromMachine) {
        double v = m.value();
        if (!Double.isFinite(v)) {
            return "not_finite";
        }
        if (m.type() == ReadingType.HEART_RATE) {
            if (v == 0 && fromMachine) {
                return "not_available";
            }
            if (v < HEART_RATE_MIN || v > HEART_RATE_MAX) {
                return "out_of_range";
            }
        }
        return null;
    }
}
