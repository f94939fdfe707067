package com.clisonix.edge.sensor.gatt;

/**
 * The cumulative counters of one speed-and-cadence packet, in the packet's own units. Only the
 * difference between two successive packets means anything (see {@link CscCalculator}).
 *
 * @param hasWheel          wheel data present
 * @param wheelRevolutions  cumulative wheel revolutions (uint32)
 * @param wheelEventTime    time of the last wheel event, in 1/1024 s for CSC (uint16, wraps)
 * @param hasCrank          crank data present
 * @param crankRevolutions  cumulative crank revolutions (uint16, wraps)
 * @param crankEventTime    time of the last crank event, 1/1024 s (uint16, wraps)
 */
public record CscRevolutions(boolean hasWheel, long wheelRevolutions, int wheelEventTime,
                             boolean hasCrank, int crankRevolutions, int crankEventTime) {

    public static CscRevolutions wheel(long revolutions, int eventTime) {
        return new CscRevolutions(true, revolutions, eventTime, false, 0, 0);
    }

    public static CscRevolutions crank(int revolutions, int eventTime) {
        return new CscRevolutions(false, 0, 0, true, revolutions, eventTime);
    }
}
