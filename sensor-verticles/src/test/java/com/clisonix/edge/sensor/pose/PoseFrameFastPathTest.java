package com.clisonix.edge.sensor.pose;

import static com.clisonix.edge.sensor.pose.PoseJson.bytes;
import static com.clisonix.edge.sensor.pose.PoseJson.coco;
import static com.clisonix.edge.sensor.pose.PoseJson.frame;
import static com.clisonix.edge.sensor.pose.PoseJson.mediapipe;
import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.sensor.decode.JsonFuzz;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast path of the pose decoder must give exactly what the streaming parser gives:
 * the same doubles bit for bit, the same frames, the same refusals. It either agrees or hands the
 * payload over; these tests hold it to that over random numbers, random frames and hostile input.
 */
class PoseFrameFastPathTest {

    private final PoseFrameDecoder decoder = new PoseFrameDecoder();

    // ---- numbers ----------------------------------------------------------------------------

    /** The double the general parser yields for a JSON number token (integers go through long). */
    private static double reference(String text) {
        boolean integer = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        return integer ? new BigInteger(text).doubleValue() : Double.parseDouble(text);
    }

    /**
     * What may follow a number in a payload. One byte forces the byte-at-a-time reader at the end
     * of the payload; the longer ones let the eight-byte reads run, with digits, non-ASCII and
     * control bytes right after the number's end to catch a digit test that reads past it.
     */
    private static final List<byte[]> TAILS = List.of(
            bytes("]"),
            bytes(",0.5123456789012345]]}]}"),
            bytes("]]}]}   "),
            bytes("}9999999999999999"),
            new byte[] {',', (byte) 0xB9, (byte) 0xFF, (byte) 0x80, 0x00, 0x2F, 0x3A, '7', '7', '7'},
            bytes(" , 1234"),
            bytes("\t]1234567"));

    /** The longest number the fast path converts itself (PoseFrameFastPath.MAX_NUMBER_CHARS). */
    private static final int MAX_NUMBER_CHARS = 40;

    private static void assertSameNumber(String text) {
        double expected = reference(text);
        for (byte[] tail : TAILS) {
            double fast = PoseFrameFastPath.number(text.getBytes(StandardCharsets.US_ASCII), tail);
            String as = text + " followed by " + tail.length + " bytes";
            if (!Double.isFinite(expected) || text.length() > MAX_NUMBER_CHARS) {
                // non-finite values are left to the general parser, which drops the person, and
                // so are very long numbers, which it refuses past its own limit
                assertThat(fast).as(as).isNaN();
                continue;
            }
            assertThat(Double.doubleToRawLongBits(fast))
                    .as("%s: fast %s, expected %s", as, fast, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    /** Every byte value at every position of an eight-byte word, after a run of digits. */
    @Test
    void digitRunStopsAtTheFirstByteThatIsNotAnAsciiDigit() {
        Random rnd = new Random(8);
        for (int at = 0; at < 8; at++) {
            for (int x = 0; x < 256; x++) {
                for (int trial = 0; trial < 8; trial++) {
                    byte[] word = new byte[8];
                    for (int k = 0; k < 8; k++) {
                        // digits before the probe, anything (often digits) after it
                        word[k] = k < at || rnd.nextBoolean() ? (byte) ('0' + rnd.nextInt(10)) : (byte) rnd.nextInt(256);
                    }
                    word[at] = (byte) x;
                    assertThat(PoseFrameFastPath.digitRun(littleEndian(word)))
                            .as("byte 0x%02x at %d of %s", x, at, java.util.Arrays.toString(word))
                            .isEqualTo(naiveDigitRun(word));
                }
            }
        }
    }

    @Test
    void digitsValueReadsOneToEightDigitsWhateverFollowsThem() {
        Random rnd = new Random(88);
        for (int i = 0; i < 200_000; i++) {
            int run = 1 + rnd.nextInt(8);
            byte[] word = new byte[8];
            StringBuilder digits = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                if (k < run) {
                    word[k] = (byte) ('0' + rnd.nextInt(10));
                    digits.append((char) word[k]);
                } else {
                    word[k] = k == run ? (byte) ",]}.eE \u0000".charAt(rnd.nextInt(8)) : (byte) rnd.nextInt(256);
                }
            }
            assertThat(PoseFrameFastPath.digitsValue(littleEndian(word), run))
                    .as(digits.toString()).isEqualTo(Long.parseLong(digits.toString()));
        }
    }

    /**
     * Integer parts of 1 to 18 digits and fractions of 1 to 21, so that every number of digits
     * lands on, before and after the eight-byte steps and the 19-digit limit, with and without
     * an exponent, at every distance from the end of the payload.
     */
    @Test
    void numbersStraddlingEightDigitBoundariesAreBitIdentical() {
        Random rnd = new Random(19);
        for (int intDigits = 0; intDigits <= 18; intDigits++) {
            for (int fractionDigits = 0; fractionDigits <= 21; fractionDigits++) {
                for (int trial = 0; trial < 40; trial++) {
                    StringBuilder sb = new StringBuilder();
                    if (rnd.nextBoolean()) {
                        sb.append('-');
                    }
                    sb.append(intDigits == 0 ? "0" : randomDigits(rnd, intDigits, true));
                    if (fractionDigits > 0) {
                        // leading zeros in the fraction now and then: 0.000123...
                        sb.append('.').append(randomDigits(rnd, fractionDigits, rnd.nextInt(4) != 0));
                    }
                    if (rnd.nextInt(3) == 0) {
                        sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextBoolean() ? "-" : "+")
                                .append(rnd.nextInt(30));
                    }
                    String text = sb.toString();
                    assertSameNumber(text);
                    // and with the payload ending 1 to 9 bytes after the number
                    byte[] tail = bytes("]]}]}]]]]".substring(0, 1 + rnd.nextInt(9)));
                    double fast = PoseFrameFastPath.number(bytes(text), tail);
                    double expected = text.length() > MAX_NUMBER_CHARS ? Double.NaN : reference(text);
                    assertThat(Double.doubleToRawLongBits(fast)).as(text)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    private static String randomDigits(Random rnd, int count, boolean nonZeroFirst) {
        StringBuilder sb = new StringBuilder(count);
        for (int k = 0; k < count; k++) {
            sb.append((char) ('0' + (k == 0 && nonZeroFirst ? 1 + rnd.nextInt(9) : rnd.nextInt(10))));
        }
        return sb.toString();
    }

    private static long littleEndian(byte[] word) {
        return java.nio.ByteBuffer.wrap(word).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static int naiveDigitRun(byte[] word) {
        int k = 0;
        while (k < word.length && word[k] >= '0' && word[k] <= '9') {
            k++;
        }
        return k;
    }

    /** Random doubles printed the ways cameras and JSON libraries print them. */
    @Test
    void randomDoublesInManyFormatsAreBitIdenticalToDoubleParseDouble() {
        Random rnd = new Random(20261125L);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 5) {
                case 0 -> rnd.nextDouble();                                   // landmark range
                case 1 -> (rnd.nextDouble() - 0.5) * 4;                       // off-frame, world metres
                case 2 -> Double.longBitsToDouble(rnd.nextLong());            // any bit pattern
                case 3 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
                default -> rnd.nextInt(2_000_001) / 1_000.0 - 1_000;          // short decimals
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            for (String text : formats(v, rnd)) {
                assertSameNumber(text);
            }
        }
    }

    private static List<String> formats(double v, Random rnd) {
        List<String> out = new ArrayList<>(8);
        out.add(Double.toString(v));                                          // Jackson's writeNumber(double)
        out.add(new BigDecimal(v).toPlainString().length() <= 40
                ? new BigDecimal(v).toPlainString() : Double.toString(v));    // exact binary value
        int dp = 1 + rnd.nextInt(9);
        out.add(String.format(Locale.ROOT, "%." + dp + "f", v));              // rounded to dp decimals
        out.add(String.format(Locale.ROOT, "%." + (1 + rnd.nextInt(17)) + "e", v));
        out.add(String.format(Locale.ROOT, "%." + (1 + rnd.nextInt(17)) + "E", v));
        out.add(Float.toString((float) v));                                   // float cameras
        out.add(new BigDecimal(v).round(new java.math.MathContext(1 + rnd.nextInt(20))).toString());
        out.removeIf(s -> s.length() > 40 || s.contains("Infinity") || s.contains("NaN"));
        return out;
    }

    /** The long-significand path on its own, so that a silent hand-over cannot hide a wrong table. */
    @Test
    void longSignificandsAreConvertedExactlyWithoutHandingOver() {
        Random rnd = new Random(5);
        int converted = 0;
        for (int i = 0; i < 300_000; i++) {
            int digits = 16 + rnd.nextInt(4);
            long w = (long) (Math.pow(10, digits - 1)) + Math.floorMod(rnd.nextLong(), (long) (9 * Math.pow(10, digits - 1)));
            if (digits == 19 && rnd.nextBoolean()) {
                // 19 digits above 2^63: the significand is read as unsigned
                w = Long.MIN_VALUE + Math.floorMod(rnd.nextLong(), 776_627_963_145_224_192L);
            }
            int q = -27 + rnd.nextInt(83);
            boolean negative = rnd.nextBoolean();
            double fast = PoseFrameFastPath.eiselLemire(w, q, negative);
            String text = (negative ? "-" : "") + Long.toUnsignedString(w) + "e" + q;
            if (Double.isNaN(fast)) {
                continue;
            }
            converted++;
            assertThat(Double.doubleToRawLongBits(fast)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        assertThat(converted).isGreaterThan(299_000);
        // exactly halfway between two doubles rounds to even, both ways
        for (String text : List.of("9007199254740993e0", "9007199254740995e0", "90071992547409930e-1", "4503599627370497.5")) {
            assertSameNumber(text);
        }
    }

    @Test
    void edgeCasesOfTheNumberGrammar() {
        for (String text : List.of("0", "-0", "0.0", "-0.0", "0e0", "-0E+5", "1", "-1", "12", "1.5", "-1.5e-3",
                "0.000000000000000000001", "123456789012345", "1234567890123456", "123456789012345678",
                "1234567890123456789", "99999999999999999999", "9007199254740993", "9007199254740993.0",
                "1e22", "1e23", "1e-22", "1e-23", "123456789012345e22", "123456789012345e-22",
                "0.1", "0.2", "0.3", "2.2250738585072014E-308", "4.9e-324", "1e-400", "1.7976931348623157e308",
                "0.30000000000000004", "1.00000000000000000000001", "0.1000000000000000055511151231257827")) {
            assertSameNumber(text);
        }
        // integer tokens are read as long, as Jackson does: "-0" is +0.0, not -0.0
        assertThat(Double.doubleToRawLongBits(PoseFrameFastPath.number(bytes("-0")))).isZero();
        assertThat(Double.doubleToRawLongBits(PoseFrameFastPath.number(bytes("-0.0"))))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        // not JSON numbers, or not for this path: left to the general parser
        for (String bad : List.of("", "-", "+1", "01", "-01", "1.", ".5", "1e", "1e+", "1.e5", "NaN", "Infinity",
                "-Infinity", "1e999", "-1e999", "0x10", "1" + "0".repeat(40), "0.1234567890" + "0".repeat(31),
                "-a", "-.5", "00.5", "1.-5", "1e-", "1eE5", "1.2.3", "1.2345678a")) {
            for (byte[] tail : TAILS) {
                assertThat(PoseFrameFastPath.number(bytes(bad), tail)).as(bad).isNaN();
            }
        }
    }

    // ---- frames -----------------------------------------------------------------------------

    @Test
    void ordinaryFramesTakeTheFastPath() {
        String json = frame(mediapipe("1"), coco("2"));
        assertThat(PoseFrameFastPath.tryDecode(bytes(json), PoseFrameDecoder.DEFAULT_MAX_PEOPLE)).isNotNull();
        assertThat(PoseFrameFastPath.tryDecode(bytes(" \n" + json.replace(",", " ,\t").replace(":", " : ") + "\r\n"),
                PoseFrameDecoder.DEFAULT_MAX_PEOPLE)).isNotNull();
        assertThat(PoseFrameFastPath.tryDecode(bytes(frame()), 16)).isNotNull();
        // an escape, a dropped person, a repeated key or trailing content: the general parser decides
        assertThat(PoseFrameFastPath.tryDecode(bytes(frame(mediapipe("a\\u0062"))), 16)).isNull();
        assertThat(PoseFrameFastPath.tryDecode(bytes(frame(mediapipe("1"), "{}")), 16)).isNull();
        assertThat(PoseFrameFastPath.tryDecode(bytes(frame().replace("\"frame\":42", "\"frame\":42,\"frame\":43")), 16))
                .isNull();
        assertThat(PoseFrameFastPath.tryDecode(bytes(frame() + "\u0000"), 16)).isNull();
    }

    /** Random frames with the shapes and number styles cameras send, some of them damaged. */
    @Test
    void randomFramesDecodeExactlyAsTheStreamingParserDecodesThem() {
        Random rnd = new Random(42);
        int fast = 0;
        for (int i = 0; i < 3_000; i++) {
            String json = randomFrame(rnd);
            byte[] payload = bytes(json);
            ParseResult<PoseFrame> viaFastPath = PoseFrameFastPath.tryDecode(payload, PoseFrameDecoder.DEFAULT_MAX_PEOPLE);
            if (viaFastPath != null) {
                fast++;
            }
            assertSameResult(json, decoder.decode(payload), decoder.decodeGeneral(payload));
        }
        // most of them are ordinary, so the comparison is mostly of the fast path itself
        assertThat(fast).isGreaterThan(1_500);
    }

    @Test
    void hostileInputDecodesExactlyAsTheStreamingParserDecodesIt() {
        List<String> seeds = List.of(frame(mediapipe("1"), coco("2")), frame(coco("7")), frame(),
                frame(mediapipe("1"), mediapipe("2"), mediapipe("3")));
        JsonFuzz fuzz = new JsonFuzz(7, seeds);
        for (int i = 0; i < 5_000; i++) {
            byte[] payload = fuzz.next();
            if (payload.length == 0) {
                // refused before either parser runs
                assertThat(decoder.decode(payload)).isEqualTo(ParseResult.failed(RejectReason.EMPTY, "no payload"));
                continue;
            }
            assertSameResult(new String(payload, StandardCharsets.ISO_8859_1),
                    decoder.decode(payload), decoder.decodeGeneral(payload));
        }
    }

    @Test
    void overCrowdedFramesAreRefusedAsTheStreamingParserRefusesThem() {
        String[] crowd = new String[40];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = coco(Integer.toString(i));
        }
        byte[] payload = bytes(frame(crowd));
        ParseResult<PoseFrame> viaFastPath = PoseFrameFastPath.tryDecode(payload, PoseFrameDecoder.DEFAULT_MAX_PEOPLE);
        assertThat(viaFastPath).isEqualTo(decoder.decodeGeneral(payload));
        // a damaged entry past the cap is the streaming parser's bad_json, not a crowd
        byte[] damaged = bytes(frame(coco("1"), coco("2"), "x"));
        assertThat(PoseFrameFastPath.tryDecode(damaged, 2)).isNull();
        assertSameResult("damaged", new PoseFrameDecoder(PoseFrameDecoder.DEFAULT_MAX_BYTES, 2).decode(damaged),
                new PoseFrameDecoder(PoseFrameDecoder.DEFAULT_MAX_BYTES, 2).decodeGeneral(damaged));
    }

    private static void assertSameResult(String input, ParseResult<PoseFrame> actual, ParseResult<PoseFrame> expected) {
        if (expected instanceof ParseResult.Failed<PoseFrame>) {
            assertThat(actual).as(input).isEqualTo(expected);
            return;
        }
        assertThat(actual).as(input).isInstanceOf(ParseResult.Parsed.class);
        PoseFrame a = ((ParseResult.Parsed<PoseFrame>) actual).value();
        PoseFrame e = ((ParseResult.Parsed<PoseFrame>) expected).value();
        assertThat(a.ts()).as(input).isEqualTo(e.ts());
        assertThat(a.frame()).as(input).isEqualTo(e.frame());
        assertThat(a.width()).as(input).isEqualTo(e.width());
        assertThat(a.height()).as(input).isEqualTo(e.height());
        assertThat(a.dropped()).as(input).isEqualTo(e.dropped());
        assertThat(a.people()).as(input).hasSameSizeAs(e.people());
        for (int i = 0; i < a.people().size(); i++) {
            PosePerson pa = a.people().get(i);
            PosePerson pe = e.people().get(i);
            assertThat(pa.track()).isEqualTo(pe.track());
            assertThat(pa.format()).isEqualTo(pe.format());
            assertThat(bits(pa.landmarks())).as(input).isEqualTo(bits(pe.landmarks()));
            assertThat(pa.hasWorld()).isEqualTo(pe.hasWorld());
            if (pe.hasWorld()) {
                assertThat(bits(pa.world())).as(input).isEqualTo(bits(pe.world()));
            }
        }
    }

    private static List<Long> bits(double[][] rows) {
        List<Long> out = new ArrayList<>();
        for (double[] row : rows) {
            for (double v : row) {
                out.add(Double.doubleToRawLongBits(v));
            }
        }
        return out;
    }

    private static String randomFrame(Random rnd) {
        int people = rnd.nextInt(5);
        StringBuilder sb = new StringBuilder("{");
        if (rnd.nextBoolean()) {
            sb.append("\"ts\":").append(rnd.nextInt(10) == 0 ? "null" : Long.toString(1_732_500_000_000L + rnd.nextInt(1000)))
                    .append(',');
        }
        if (rnd.nextInt(4) == 0) {
            sb.append("\"camera\":\"cam-").append(rnd.nextInt(9)).append("\",\"score\":0.93,\"ok\":true,");
        }
        sb.append("\"frame\":").append(rnd.nextInt(100_000)).append(",\"width\":1280,\"height\":720,\"people\":[");
        for (int p = 0; p < people; p++) {
            if (p > 0) {
                sb.append(',');
            }
            boolean coco = rnd.nextInt(4) == 0;
            int rows = coco ? 17 : 33;
            int arity = coco ? 3 : 4;
            sb.append("{\"track\":");
            sb.append(rnd.nextBoolean() ? "\"" + (p + 1) + "\"" : Integer.toString(p + 1));
            sb.append(",\"format\":\"").append(coco ? "coco17" : "mediapipe33").append("\",\"landmarks\":");
            appendRows(sb, rnd, rows, arity);
            if (!coco && rnd.nextBoolean()) {
                sb.append(",\"world\":");
                if (rnd.nextInt(8) == 0) {
                    sb.append("null");
                } else {
                    appendRows(sb, rnd, 33, 3);
                }
            }
            sb.append('}');
        }
        sb.append("]}");
        String json = sb.toString();
        // now and then a damage the fast path must hand over: a value out of the contract
        return switch (rnd.nextInt(12)) {
            case 0 -> json.replaceFirst("0\\.", "1e999,0.");
            case 1 -> json.replace("\"width\":1280", "\"width\":0");
            case 2 -> json.replaceFirst("\\],\\[", "],[1],[");
            case 3 -> json.replaceFirst("\"track\":", "\"track\":\"a b\",\"x\":");
            default -> json;
        };
    }

    private static void appendRows(StringBuilder sb, Random rnd, int rows, int arity) {
        int style = rnd.nextInt(5);
        sb.append('[');
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(',');
            }
            sb.append('[');
            for (int k = 0; k < arity; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                double v = (rnd.nextDouble() - 0.2) * 1.4;
                sb.append(switch (style) {
                    case 0 -> Double.toString(v);
                    case 1 -> Double.toString(Math.round(v * 10_000.0) / 10_000.0);
                    case 2 -> String.format(Locale.ROOT, "%.6f", v);
                    case 3 -> Float.toString((float) v);
                    default -> rnd.nextInt(3) == 0 ? Integer.toString(rnd.nextInt(3) - 1) : String.format(Locale.ROOT, "%.3e", v);
                });
            }
            sb.append(']');
        }
        sb.append(']');
    }
}
