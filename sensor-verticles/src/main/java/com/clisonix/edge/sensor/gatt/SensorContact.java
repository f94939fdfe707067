package com.clisonix.edge.sensor.gatt;

/**
 * The Heart Rate Measurement's two-bit Sensor Contact Status (flags bits 1-2, read as one
 * value, ble-gatt.md §1): raw 0 and 1 both mean "not supported", 2 "supported, no contact",
 * 3 "supported, contact". The reading value follows the contract's {@code sensor_contact} scale.
 */
public enum SensorContact {
    NOT_SUPPORTED(0, 0),
    NO_CONTACT(2, 1),
    CONTACT(3, 2);

    private final int rawBits;
    private final int readingValue;

    SensorContact(int rawBits, int readingValue) {
        this.rawBits = rawBits;
        this.readingValue = readingValue;
    }

    /** The canonical two-bit value an encoder writes into flags bits 1-2. */
    public int rawBits() {
        return rawBits;
    }

    /** The {@code sensor_contact} reading: 0 unsupported, 1 no contact, 2 contact. */
    public int readingValue() {
        return readingValue;
    }

    /** Interprets the two-bit field {@code (flags >> 1) & 3}. */
    public static SensorContact fromBits(int bits) {
        return switch (bits & 3) {
            case 2 -> NO_CONTACT;
            case 3 -> CONTACT;
            default -> NOT_SUPPORTED;
        };
    }
}
