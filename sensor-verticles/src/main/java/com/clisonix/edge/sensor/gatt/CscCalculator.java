package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns successive speed-and-cadence packets of ONE device into cadence (rpm) and speed (km/h).
 * Not thread-safe: keep one instance per device, owned by whoever owns that device's stream.
 *
 * <p>Formulas (ble-gatt.md §4, after the CSC profile): cadence = 60 × Δrevs / (Δt / 1024);
 * speed = Δwheel × circumference / (Δt / ticks) × 3.6. Crank revolutions and both event times
 * are uint16 counters and wheel revolutions uint32, so every difference is taken modulo its
 * counter width: a wrap between two packets is an ordinary step, not a jump.
 *
 * <p>Stalled counters: sensors repeat the last event when no new revolution happened (Δt = 0
 * and Δrevs = 0). The calculator never divides by zero; it keeps reporting the last rate for
 * {@link #DEFAULT_HOLD_MS} ms after the last real event (a slow pedal stroke takes over a
 * second) and then reports 0. A packet with new revolutions but no time progress is
 * inconsistent and yields no value. The first packet, and the first after a gap of more than
 * {@link #MAX_GAP_MS} ms, only sets the reference.
 *
 * <p>Wheel circumference is configuration; the default {@value #DEFAULT_WHEEL_CIRCUMFERENCE_M}
 * m is a 700×25C road tyre (ETRTO 25-622) as listed in common bike-computer wheel charts. For
 * Cycling Power packets, whose wheel event time is in 1/2048 s, build the calculator with
 * {@code wheelTicksPerSecond} 2048.
 */
public final class CscCalculator {

    public static final double DEFAULT_WHEEL_CIRCUMFERENCE_M = 2.105;
    public static final long DEFAULT_HOLD_MS = 3_000;
    public static final int CSC_WHEEL_TICKS_PER_SECOND = 1024;
    public static final int CPM_WHEEL_TICKS_PER_SECOND = 2048;
    /**
     * Packets further apart than this (or arriving out of order) start afresh: event times wrap
     * every 64 s, so across a longer gap the time difference is ambiguous.
     */
    public static final long MAX_GAP_MS = 60_000;

    /** Rates derived from the latest packet; empty when not computable. */
    public record Rates(OptionalDouble cadenceRpm, OptionalDouble speedKmh) {
        /** The rates as readings ({@code cadence}, {@code speed}). */
        public List<Measurement> toMeasurements() {
            List<Measurement> out = new ArrayList<>(2);
            cadenceRpm.ifPresent(v -> out.add(new Measurement(ReadingType.CADENCE, v)));
            speedKmh.ifPresent(v -> out.add(new Measurement(ReadingType.SPEED, v)));
            return out;
        }
    }

    private final double circumferenceM;
    private final int wheelTicksPerSecond;
    private final long holdMs;
    private final Channel crank = new Channel();
    private final Channel wheel = new Channel();

    /** A CSC calculator with the default circumference and hold time. */
    public CscCalculator() {
        this(DEFAULT_WHEEL_CIRCUMFERENCE_M, CSC_WHEEL_TICKS_PER_SECOND, DEFAULT_HOLD_MS);
    }

    public CscCalculator(double circumferenceM, int wheelTicksPerSecond, long holdMs) {
        if (!(circumferenceM > 0) || !Double.isFinite(circumferenceM)) {
            throw new IllegalArgumentException("circumference must be positive: " + circumferenceM);
        }
        if (wheelTicksPerSecond <= 0 || holdMs < 0) {
            throw new IllegalArgumentException("ticks must be positive and hold non-negative");
        }
        this.circumferenceM = circumferenceM;
        this.wheelTicksPerSecond = wheelTicksPerSecond;
        this.holdMs = holdMs;
    }

    /**
     * Feeds one packet's counters.
     *
     * @param rev    the packet's counters
     * @param nowMs  the packet's arrival (or payload) time, epoch ms, used only for the hold
     */
    public Rates accept(CscRevolutions rev, long nowMs) {
        OptionalDouble cadence = OptionalDouble.empty();
        OptionalDouble speed = OptionalDouble.empty();
        if (rev.hasCrank()) {
            double revsPerSecond = crank.update(rev.crankRevolutions() & 0xFFFFL, 0xFFFFL,
                    rev.crankEventTime(), 1024, nowMs, holdMs);
            if (!Double.isNaN(revsPerSecond)) {
                cadence = OptionalDouble.of(revsPerSecond * 60.0);
            }
        }
        if (rev.hasWheel()) {
            double revsPerSecond = wheel.update(rev.wheelRevolutions() & 0xFFFF_FFFFL, 0xFFFF_FFFFL,
                    rev.wheelEventTime(), wheelTicksPerSecond, nowMs, holdMs);
            if (!Double.isNaN(revsPerSecond)) {
                speed = OptionalDouble.of(revsPerSecond * circumferenceM * 3.6);
            }
        }
        return new Rates(cadence, speed);
    }

    /**
     * Decodes a CSC packet and adds the derived {@code cadence} and {@code speed} readings to the
     * raw counters. Rejections pass through unchanged and leave the state untouched.
     */
    public DecodeResult decode(byte[] value, long nowMs) {
        if (value == null) {
            return new CscMeasurementDecoder().decode(null);
        }
        ParseResult<CscRevolutions> r = CscMeasurementDecoder.readRevolutions(value, 0, value.length);
        if (r instanceof ParseResult.Failed<CscRevolutions> f) {
            return new DecodeResult.Rejected(f.reason(), f.detail());
        }
        CscRevolutions rev = ((ParseResult.Parsed<CscRevolutions>) r).value();
        Rates rates = accept(rev, nowMs);
        return new DecodeResult.Decoded(rates.toMeasurements(), CscMeasurementDecoder.toExtras(rev), List.of());
    }

    /** Forgets the reference packets (e.g. after a reconnect). */
    public void reset() {
        crank.reset();
        wheel.reset();
    }

    /** State of one counter pair (revolutions, event time). */
    private static final class Channel {
        private boolean seen;
        private long revs;
        private int time;
        private double lastRate = Double.NaN;
        private long lastProgressMs;
        private long lastSeenMs;

        /** Revolutions per second, or NaN when not computable. */
        double update(long newRevs, long revMask, int newTime, int ticksPerSecond, long nowMs, long holdMs) {
            if (!seen || nowMs - lastSeenMs > MAX_GAP_MS || nowMs < lastSeenMs) {
                seen = true;
                lastSeenMs = nowMs;
                lastRate = Double.NaN;
                revs = newRevs;
                time = newTime;
                lastProgressMs = nowMs;
                return Double.NaN;
            }
            lastSeenMs = nowMs;
            long dRevs = (newRevs - revs) & revMask;
            int dt = (newTime - time) & 0xFFFF;
            revs = newRevs;
            time = newTime;
            if (dt == 0) {
                if (dRevs != 0) {
                    return Double.NaN;
                }
                if (nowMs - lastProgressMs <= holdMs) {
                    return lastRate;
                }
                lastRate = 0;
                return 0;
            }
            lastRate = dRevs * (double) ticksPerSecond / dt;
            lastProgressMs = nowMs;
            return lastRate;
        }

        void reset() {
            seen = false;
            lastRate = Double.NaN;
        }
    }
}
