package com.clisonix.edge.analysis.hrv;

import java.util.Objects;

/** The outcome of reading an RR-interval file: the intervals, or why the file was refused. */
public sealed interface RrParseResult permits RrParseResult.Parsed, RrParseResult.Rejected {

    /** The file formats understood by {@link RrIntervalFileParser}. */
    enum Format {
        /** Polar HRM text: {@code [Params]} ... {@code [HRData]}, one RR interval per line. */
        POLAR_HRM,
        /** Plain text: one RR interval in milliseconds per line. */
        PLAIN_TEXT
    }

    /**
     * RR intervals in milliseconds, in recording order.
     *
     * @param intervalsMs the intervals (a defensive copy is kept and returned)
     * @param format      the format that was recognised
     */
    record Parsed(double[] intervalsMs, Format format) implements RrParseResult {
        public Parsed {
            intervalsMs = intervalsMs.clone();
            Objects.requireNonNull(format, "format");
        }

        @Override
        public double[] intervalsMs() {
            return intervalsMs.clone();
        }

        public int count() {
            return intervalsMs.length;
        }
    }

    /**
     * The file could not be used.
     *
     * @param reason what was wrong, for logs and API errors
     * @param line   1-based line number of the problem, or 0 when it concerns the whole file
     */
    record Rejected(String reason, int line) implements RrParseResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
