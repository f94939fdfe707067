package com.clisonix.edge.analysis.hrv;

import java.util.Arrays;

/**
 * Reads RR-interval recordings exported by chest straps and HRV apps.
 *
 * <p>Two formats are recognised:
 * <ul>
 *   <li><b>Polar HRM</b> text: sections in brackets; the RR series is the {@code [HRData]} section,
 *       one interval in ms per line. Polar marks R-R recording mode with {@code Interval=238} in
 *       {@code [Params]}; a file with another interval stores sampled heart rates, not intervals,
 *       and is refused. (The 238 convention is common knowledge among HRM readers; Polar's own
 *       format description was not consulted.) The other sections are device summaries and are
 *       ignored.</li>
 *   <li><b>Plain text</b>: one interval in ms per line.</li>
 * </ul>
 * Line endings may be CRLF or LF; blank lines are skipped. Every data value must be a finite
 * positive number; otherwise the whole file is refused with the line number, because silently
 * skipping a line would shift every later successive difference. Implausible but positive values
 * are kept: removing them is {@link RrArtefactFilter}'s job. Never throws for bad input.
 */
public final class RrIntervalFileParser {

    private static final String HR_DATA = "[HRData]";
    private static final String RR_MODE_INTERVAL = "238";

    /** Parses the text of a file. */
    public RrParseResult parse(String text) {
        if (text == null) {
            return new RrParseResult.Rejected("no content", 0);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int dataStart = -1;
        String interval = null;
        boolean inParams = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[")) {
                inParams = line.equals("[Params]");
                if (line.equals(HR_DATA)) {
                    dataStart = i + 1;
                    break;
                }
            } else if (inParams && line.startsWith("Interval=")) {
                interval = line.substring("Interval=".length()).strip();
            }
        }
        boolean hrm = dataStart >= 0;
        if (hrm && interval != null && !interval.equals(RR_MODE_INTERVAL)) {
            return new RrParseResult.Rejected("Polar HRM file is not an R-R recording (Interval=" + interval + ")", 0);
        }
        if (!hrm && text.strip().startsWith("[")) {
            return new RrParseResult.Rejected("Polar HRM file without an [HRData] section", 0);
        }
        double[] values = new double[Math.max(16, lines.length)];
        int count = 0;
        for (int i = hrm ? dataStart : 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                break; // a later section ends the data block
            }
            String token = line.split("\\s+", 2)[0];
            double value;
            try {
                value = Double.parseDouble(token);
            } catch (NumberFormatException e) {
                return new RrParseResult.Rejected("not a number: '" + token + "'", i + 1);
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                return new RrParseResult.Rejected("RR interval must be a positive number: " + token, i + 1);
            }
            values[count++] = value;
        }
        if (count == 0) {
            return new RrParseResult.Rejected("no RR intervals found", 0);
        }
        return new RrParseResult.Parsed(Arrays.copyOf(values, count),
                hrm ? RrParseResult.Format.POLAR_HRM : RrParseResult.Format.PLAIN_TEXT);
    }
}
