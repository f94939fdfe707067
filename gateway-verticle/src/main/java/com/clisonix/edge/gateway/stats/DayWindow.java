package com.clisonix.edge.gateway.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An inclusive range of local calendar days, the unit of every comparison window.
 *
 * <p>Windows are counted in calendar days rather than 24-hour blocks so that a week around a clock
 * change still holds exactly seven of the gym's days.
 *
 * @param first the first day in the window
 * @param last  the last day in the window (not before {@code first})
 */
record DayWindow(LocalDate first, LocalDate last) {

    /** The {@code days} calendar days that end with {@code last}, {@code last} included. */
    static DayWindow endingOn(LocalDate last, int days) {
        return new DayWindow(last.minusDays(days - 1L), last);
    }

    /** The window of the same length that ends the day before this one starts. */
    DayWindow previous() {
        long length = ChronoUnit.DAYS.between(first, last) + 1;
        return endingOn(first.minusDays(1), (int) length);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
