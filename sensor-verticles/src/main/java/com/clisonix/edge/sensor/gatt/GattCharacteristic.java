package com.clisonix.edge.sensor.gatt;

import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.Locale;
import java.util.Optional;

/**
 * The characteristics accepted on {@code {root}/ble/{bridgeId}/{deviceId}/{char}} (CONTRACT.md
 * §1): each maps the topic's 4-hex-digit UUID to its stateless decoder and says what kind of
 * device sending it is.
 *
 * <p>A device that sends any FTMS data characteristic (0x2ACD-0x2AD2) is a machine; one that
 * sends only 0x2A37 is a strap. Power meters and speed/cadence/running pods mark neither; the
 * ingestion decides how to show them.
 */
public enum GattCharacteristic {
    HEART_RATE_MEASUREMENT("2a37", false, new HeartRateMeasurementDecoder()),
    CYCLING_POWER_MEASUREMENT("2a63", false, new CyclingPowerDecoder()),
    CSC_MEASUREMENT("2a5b", false, new CscMeasurementDecoder()),
    RSC_MEASUREMENT("2a53", false, new RscMeasurementDecoder()),
    TREADMILL_DATA("2acd", true, new FtmsDataDecoder(FtmsLayouts.TREADMILL)),
    CROSS_TRAINER_DATA("2ace", true, new FtmsDataDecoder(FtmsLayouts.CROSS_TRAINER)),
    STEP_CLIMBER_DATA("2acf", true, new FtmsDataDecoder(FtmsLayouts.STEP_CLIMBER)),
    STAIR_CLIMBER_DATA("2ad0", true, new FtmsDataDecoder(FtmsLayouts.STAIR_CLIMBER)),
    ROWER_DATA("2ad1", true, new FtmsDataDecoder(FtmsLayouts.ROWER)),
    INDOOR_BIKE_DATA("2ad2", true, new FtmsDataDecoder(FtmsLayouts.INDOOR_BIKE));

    private final String topicLevel;
    private final boolean machine;
    private final GattDecoder decoder;

    GattCharacteristic(String topicLevel, boolean machine, GattDecoder decoder) {
        this.topicLevel = topicLevel;
        this.machine = machine;
        this.decoder = decoder;
    }

    /** The UUID as the contract writes it in topics: 4 lower-case hex digits. */
    public String topicLevel() {
        return topicLevel;
    }

    /** The 16-bit UUID. */
    public int uuid16() {
        return Integer.parseInt(topicLevel, 16);
    }

    /** The stateless, thread-safe decoder for this characteristic. */
    public GattDecoder decoder() {
        return decoder;
    }

    /** True for the FTMS machine characteristics (0x2ACD-0x2AD2). */
    public boolean marksMachine() {
        return machine;
    }

    /** True only for Heart Rate Measurement: a device that sends only this one is a strap. */
    public boolean marksStrap() {
        return this == HEART_RATE_MEASUREMENT;
    }

    /**
     * The unit of a reading from this source. The vocabulary's default unit holds except for
     * rate and pace on some machines: a rower's cadence is strokes per minute and its pace
     * seconds per 500 m; steppers, cross trainers and running pods count steps per minute.
     */
    public String unitOf(ReadingType type) {
        boolean rate = type == ReadingType.CADENCE || type == ReadingType.AVERAGE_CADENCE;
        boolean pace = type == ReadingType.PACE || type == ReadingType.AVERAGE_PACE;
        if (this == ROWER_DATA) {
            if (rate) {
                return "strokes/min";
            }
            if (pace) {
                return "s/500m";
            }
        }
        if (rate && (this == CROSS_TRAINER_DATA || this == STEP_CLIMBER_DATA
                || this == STAIR_CLIMBER_DATA || this == RSC_MEASUREMENT)) {
            return "steps/min";
        }
        return type.unit();
    }

    /**
     * Finds the characteristic named by a topic level. The contract writes lower case; upper
     * case is accepted too, since it names the same UUID.
     */
    public static Optional<GattCharacteristic> fromTopicLevel(String level) {
        if (level == null || level.length() != 4) {
            return Optional.empty();
        }
        String lower = level.toLowerCase(Locale.ROOT);
        for (GattCharacteristic c : values()) {
            if (c.topicLevel.equals(lower)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
