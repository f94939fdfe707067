package com.clisonix.edge.analysis.hrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Counts and first / last values from reference/README.md, "RR-interval files" table. */
class RrIntervalFileParserTest {

    private final RrIntervalFileParser parser = new RrIntervalFileParser();

    private static RrParseResult.Parsed parsed(RrParseResult result) {
        assertThat(result).isInstanceOf(RrParseResult.Parsed.class);
        return (RrParseResult.Parsed) result;
    }

    @Test
    void exerciseRecording() {
        RrParseResult.Parsed p = parsed(parser.parse(RrSamples.text("exercise_rri.hrm")));
        double[] rr = p.intervalsMs();
        assertThat(p.format()).isEqualTo(RrParseResult.Format.POLAR_HRM);
        assertThat(rr).hasSize(4117);
        assertThat(Arrays.copyOfRange(rr, 0, 3)).containsExactly(1589, 783, 752);
        assertThat(Arrays.copyOfRange(rr, rr.length - 3, rr.length)).containsExactly(562, 555, 557);
        // README: the intervals add up to the header's Length=00:42:41.7 (2561.79 s)
        assertThat(Arrays.stream(rr).sum() / 1000).isCloseTo(2561.79, within(0.01));
        assertThat(Arrays.stream(rr).sum() / 1000).isCloseTo(42 * 60 + 41.7, within(0.5));
    }

    @Test
    void noisyRecording() {
        double[] rr = parsed(parser.parse(RrSamples.text("noisy_rri.hrm"))).intervalsMs();
        assertThat(rr).hasSize(3581);
        assertThat(Arrays.copyOfRange(rr, 0, 3)).containsExactly(904, 913, 937);
        assertThat(Arrays.copyOfRange(rr, rr.length - 3, rr.length)).containsExactly(704, 805, 808);
    }

    @Test
    void restRecordingInPlainText() {
        RrParseResult.Parsed p = parsed(parser.parse(RrSamples.text("rest_rri.txt")));
        double[] rr = p.intervalsMs();
        assertThat(p.format()).isEqualTo(RrParseResult.Format.PLAIN_TEXT);
        assertThat(rr).hasSize(910);
        assertThat(Arrays.copyOfRange(rr, 0, 3)).containsExactly(1114, 1113, 1066);
        assertThat(Arrays.copyOfRange(rr, rr.length - 3, rr.length)).containsExactly(956, 1018, 1021);
    }

    @Test
    void unixLineEndingsWork() {
        double[] rr = parsed(parser.parse("800\n810\n\n815\n750\n")).intervalsMs();
        assertThat(rr).containsExactly(800, 810, 815, 750);
    }

    @Test
    void badInputIsRejectedWithALineNumberNotAnException() {
        assertThat(parser.parse("800\n81O\n815\n"))
                .isEqualTo(new RrParseResult.Rejected("not a number: '81O'", 2));
        assertThat(parser.parse("800\n-5\n")).isInstanceOf(RrParseResult.Rejected.class);
        assertThat(parser.parse("")).isInstanceOf(RrParseResult.Rejected.class);
        assertThat(parser.parse(null)).isInstanceOf(RrParseResult.Rejected.class);
        assertThat(parser.parse("[Params]\r\nInterval=238\r\n")).isInstanceOf(RrParseResult.Rejected.class);
    }

    // README: Interval=238 marks R-R mode; other intervals store sampled heart rates.
    @Test
    void polarFileRecordedInSampleModeIsRefused() {
        String hrm = "[Params]\r\nInterval=5\r\n\r\n[HRData]\r\n120\r\n121\r\n";
        RrParseResult result = parser.parse(hrm);
        assertThat(result).isInstanceOf(RrParseResult.Rejected.class);
        assertThat(((RrParseResult.Rejected) result).reason()).contains("Interval=5");
    }

    @Test
    void parsedArraysCannotBeChangedFromOutside() {
        RrParseResult.Parsed p = parsed(parser.parse("800\n810\n"));
        p.intervalsMs()[0] = 1;
        assertThat(p.intervalsMs()[0]).isEqualTo(800.0);
    }
}
