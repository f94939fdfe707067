package com.clisonix.edge.sensor.pose;

import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.fasterxml.jackson.core.io.NumberInput;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads a well-formed, ordinary pose frame straight from its bytes, 1.5 to 2 times faster than
 * the general streaming parser (BENCHMARKS.md, pose frames). It accepts only a strict
 * subset of JSON and of the contract: ASCII text, strings without escapes, the contract's keys
 * at most once each, scalar values for unknown keys, every person usable. On anything else
 * (malformed or unusual JSON, a dropped person, a field the frame would be refused for) it
 * gives up and returns null, and {@link PoseFrameDecoder} decodes the payload again with the
 * general parser, which decides. So every result this class returns is the one the general
 * parser would have returned for the same bytes; the limits and typed reasons live in one place.
 *
 * <p>The one refusal it makes itself is {@code too_many_people}, at the same point and with the
 * same detail as the general parser: everything before that point was accepted by both, and
 * handing an over-crowded frame on would read its first people twice.
 *
 * <p>Numbers are converted in the same pass that checks their grammar: a decimal with at most
 * 15 significant digits and a power of ten within ±22 is an exact double multiplied or divided
 * by an exact power of ten, which IEEE 754 rounds correctly (Clinger's fast path). Longer or
 * larger numbers go to Eisel and Lemire's algorithm ({@link #eiselLemire}) and, past its range,
 * to Jackson's number parser as before. All of them give the double nearest to the decimal, bit
 * for bit what {@link Double#parseDouble} gives.
 * Integer tokens ({@code -0}, {@code 12}) are converted through {@code long} as Jackson does,
 * so {@code -0} is {@code +0.0}.
 *
 * <p>One instance reads one payload; not thread-safe.
 */
final class PoseFrameFastPath {

    /** Longest number this class converts itself; longer ones are left to the general parser's limit. */
    private static final int MAX_NUMBER_CHARS = 40;
    private static final int MAX_EXACT_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long[] POWERS_OF_TEN_LONG = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
    };
    /** Significands up to 2^53 are exact doubles, whatever their number of digits. */
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] TS = key("ts");
    private static final byte[] FRAME = key("frame");
    private static final byte[] WIDTH = key("width");
    private static final byte[] HEIGHT = key("height");
    private static final byte[] PEOPLE = key("people");
    private static final byte[] TRACK = key("track");
    private static final byte[] FORMAT = key("format");
    private static final byte[] LANDMARKS = key("landmarks");
    private static final byte[] WORLD = key("world");

    /** Thrown to give the payload to the general parser; carries no stack trace, so it is cheap. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not on the fast path", null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final byte[] b;
    private final int end;
    private int pos;
    private int keyStart;
    private int keyEnd;
    /** Row length of the last array read by {@link #rows}. */
    private int lastArity;
    private char[] numberChars;

    private PoseFrameFastPath(byte[] payload) {
        this.b = payload;
        this.end = payload.length;
    }

    /**
     * The decoded frame or its {@code too_many_people} refusal, or null when the payload needs
     * the general parser.
     */
    static ParseResult<PoseFrame> tryDecode(byte[] payload, int maxPeople) {
        try {
            return new PoseFrameFastPath(payload).frame(maxPeople);
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            // An index error can only come from input cut short inside a token; the general
            // parser reports it properly.
            return null;
        }
    }

    /**
     * Reads one JSON number spanning all of {@code text} the way the fast path does; NaN when
     * the text is not exactly one JSON number this path would convert itself. For tests.
     */
    static double number(byte[] text) {
        return number(text, new byte[] {']'});
    }

    /**
     * As {@link #number(byte[])}, with {@code after} following the number in the payload (eight
     * or more bytes there let the eight-byte reads run to the number's end). For tests.
     */
    static double number(byte[] text, byte[] after) {
        byte[] padded = new byte[text.length + after.length];
        System.arraycopy(text, 0, padded, 0, text.length);
        System.arraycopy(after, 0, padded, text.length, after.length);
        PoseFrameFastPath r = new PoseFrameFastPath(padded);
        try {
            double d = r.number();
            return r.pos == text.length ? d : Double.NaN;
        } catch (GiveUp | ArrayIndexOutOfBoundsException e) {
            return Double.NaN;
        }
    }

    private ParseResult<PoseFrame> frame(int maxPeople) {
        expect('{');
        long ts = -1;
        long frame = -1;
        long width = -1;
        long height = -1;
        List<PosePerson> people = null;
        boolean sawTs = false;
        if (skipWs() == '}') {
            throw GIVE_UP;
        }
        while (true) {
            key();
            expect(':');
            if (keyIs(TS)) {
                once(sawTs);
                sawTs = true;
                if (skipWs() == 'n') {
                    literal("null");
                } else {
                    ts = nonNegativeLong();
                }
            } else if (keyIs(FRAME)) {
                once(frame >= 0);
                frame = nonNegativeLong();
            } else if (keyIs(WIDTH)) {
                once(width >= 0);
                width = dimension();
            } else if (keyIs(HEIGHT)) {
                once(height >= 0);
                height = dimension();
            } else if (keyIs(PEOPLE)) {
                once(people != null);
                people = new ArrayList<>(Math.min(maxPeople, 4));
                if (people(people, maxPeople)) {
                    return ParseResult.failed(RejectReason.TOO_MANY_PEOPLE,
                            "more than " + maxPeople + " people in one frame");
                }
            } else {
                skipScalar();
            }
            byte c = skipWs();
            pos++;
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
        skipWs();
        if (pos != end || frame < 0 || width < 0 || height < 0 || people == null) {
            throw GIVE_UP;
        }
        return ParseResult.parsed(new PoseFrame(ts < 0 ? OptionalLong.empty() : OptionalLong.of(ts),
                frame, (int) width, (int) height, people, List.<DroppedField>of()));
    }

    /** Reads the people array into {@code out}; true when it lists more than {@code maxPeople}. */
    private boolean people(List<PosePerson> out, int maxPeople) {
        expect('[');
        if (skipWs() == ']') {
            pos++;
            return false;
        }
        PersonBuffer s = new PersonBuffer();
        int listed = 0;
        while (true) {
            if (++listed > maxPeople) {
                // the general parser refuses here once it has read the opening of the entry
                if (skipWs() != '{') {
                    throw GIVE_UP;
                }
                return true;
            }
            person(s);
            out.add(s.toPerson());
            byte c = skipWs();
            pos++;
            if (c == ']') {
                return false;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
    }

    private void person(PersonBuffer s) {
        s.clear();
        boolean sawWorld = false;
        expect('{');
        if (skipWs() == '}') {
            throw GIVE_UP;
        }
        while (true) {
            key();
            expect(':');
            if (keyIs(TRACK)) {
                once(s.track != null);
                if (skipWs() == '"') {
                    int start = string();
                    s.track = new String(b, start, pos - 1 - start, StandardCharsets.ISO_8859_1);
                } else {
                    s.track = Long.toString(nonNegativeLong());
                }
            } else if (keyIs(FORMAT)) {
                once(s.format != null);
                if (skipWs() != '"') {
                    throw GIVE_UP;
                }
                int start = string();
                s.format = format(start, pos - 1);
            } else if (keyIs(LANDMARKS)) {
                once(s.hasLandmarks);
                s.hasLandmarks = true;
                s.rows = rows(s.landmarks, PersonBuffer.MAX_ARITY);
                s.arity = s.rows == 0 ? -1 : lastArity;
            } else if (keyIs(WORLD)) {
                once(sawWorld);
                sawWorld = true;
                if (skipWs() == 'n') {
                    // "world": null means no world landmarks
                    literal("null");
                } else {
                    s.hasWorld = true;
                    s.worldRows = rows(s.world, 3);
                    s.worldArity = s.worldRows == 0 ? -1 : lastArity;
                }
            } else {
                skipScalar();
            }
            byte c = skipWs();
            pos++;
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
        if (s.validate() != null) {
            throw GIVE_UP;
        }
    }

    /**
     * Reads an array of numeric rows (row-major, stride {@code maxArity}); returns the row count
     * and leaves the common row length in {@link #lastArity}. Gives up on anything the general
     * parser would flag.
     */
    private int rows(double[] into, int maxArity) {
        expect('[');
        if (skipWs() == ']') {
            pos++;
            return 0;
        }
        int rows = 0;
        int arity = -1;
        while (true) {
            if (rows == PersonBuffer.MAX_ROWS) {
                throw GIVE_UP;
            }
            expect('[');
            int base = rows * maxArity;
            int k = 0;
            if (skipWs() == ']') {
                pos++;
            } else {
                while (true) {
                    if (k == maxArity) {
                        throw GIVE_UP;
                    }
                    skipWs();
                    into[base + k++] = number();
                    byte c = skipWs();
                    pos++;
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        throw GIVE_UP;
                    }
                }
            }
            if (arity == -1) {
                arity = k;
            } else if (arity != k) {
                throw GIVE_UP;
            }
            rows++;
            byte c = skipWs();
            pos++;
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
        lastArity = arity;
        return rows;
    }

    /**
     * Reads a JSON number at {@link #pos} and returns its value; gives up on anything that is
     * not a JSON number, is longer than {@value #MAX_NUMBER_CHARS} characters or is not finite.
     *
     * <p>Cameras send a short integer part and a long fraction ({@code 0.5123}, {@code
     * -0.51234567890123456}), so the fraction is read eight bytes at a time ({@link #digitRun},
     * {@link #digitsValue}). Numbers with more than 19 digits in all, or too close to the end of
     * the payload for an eight-byte read, go to {@link #numberDigitByDigit}.
     */
    private double number() {
        final int start = pos;
        int i = start;
        boolean negative = false;
        if (b[i] == '-') {
            negative = true;
            i++;
        }
        long mantissa;
        // digits read into the mantissa, leading zeros included, so that it cannot overflow
        int digits;
        int d = b[i] - '0';
        if (d == 0) {
            i++;
            if (isDigit(b[i])) {
                throw GIVE_UP; // leading zeros are not JSON
            }
            mantissa = 0;
            digits = 0;
        } else if (d > 0 && d <= 9) {
            mantissa = d;
            digits = 1;
            while ((d = b[++i] - '0') >= 0 && d <= 9) {
                if (++digits > 18) {
                    return numberDigitByDigit(start);
                }
                mantissa = mantissa * 10 + d;
            }
        } else {
            throw GIVE_UP;
        }
        boolean integer = true;
        int exponent = 0;
        if (b[i] == '.') {
            integer = false;
            i++;
            int fractionStart = i;
            while (true) {
                if (i > end - Long.BYTES) {
                    return numberDigitByDigit(start);
                }
                long word = (long) LONGS.get(b, i);
                int run = digitRun(word);
                if (run == 0) {
                    break;
                }
                digits += run;
                if (digits > 19) {
                    return numberDigitByDigit(start);
                }
                mantissa = mantissa * POWERS_OF_TEN_LONG[run] + digitsValue(word, run);
                i += run;
                if (run < Long.BYTES) {
                    break;
                }
            }
            if (i == fractionStart) {
                throw GIVE_UP; // "1." and "1.e5" are not JSON
            }
            exponent = fractionStart - i;
        }
        byte c = b[i];
        if (c == 'e' || c == 'E') {
            integer = false;
            boolean negativeExponent = false;
            c = b[++i];
            if (c == '-' || c == '+') {
                negativeExponent = c == '-';
                c = b[++i];
            }
            d = c - '0';
            if (d < 0 || d > 9) {
                throw GIVE_UP;
            }
            int e = 0;
            do {
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                d = b[++i] - '0';
            } while (d >= 0 && d <= 9);
            exponent += negativeExponent ? -e : e;
        }
        int length = i - start;
        if (length > MAX_NUMBER_CHARS) {
            throw GIVE_UP;
        }
        pos = i;
        double value;
        if (integer) {
            // at most 18 digits here; Jackson reads an integer token as a long, so "-0" is +0.0
            value = negative ? -mantissa : mantissa;
        } else if (mantissa == 0) {
            value = negative ? -0.0 : 0.0;
        } else if (Long.compareUnsigned(mantissa, EXACT_MANTISSA) <= 0 && exponent >= -22 && exponent <= 22) {
            // Clinger: both operands are exact doubles, so the one rounding is the right one
            double m = mantissa;
            value = exponent < 0 ? m / POWERS_OF_TEN[-exponent] : m * POWERS_OF_TEN[exponent];
            if (negative) {
                value = -value;
            }
        } else if (Double.isNaN(value = eiselLemire(mantissa, exponent, negative))) {
            value = slowNumber(start, length);
        }
        if (!Double.isFinite(value)) {
            throw GIVE_UP;
        }
        return value;
    }

    /**
     * How many of the eight bytes of {@code word} (read little-endian, so the first byte is the
     * lowest) are ASCII digits before the first byte that is not. Per byte, without carries
     * between bytes: with the top bit cleared, {@code x + 0x46} reaches 0x80 when {@code x > '9'}
     * and {@code x + 0x50} stays below 0x80 when {@code x < '0'}; a byte with the top bit set is
     * not ASCII and so not a digit.
     */
    static int digitRun(long word) {
        long low7 = word & 0x7F7F_7F7F_7F7F_7F7FL;
        long notDigit = ((low7 + 0x4646_4646_4646_4646L) | ~(low7 + 0x5050_5050_5050_5050L) | word)
                & 0x8080_8080_8080_8080L;
        return Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /**
     * The value of the first {@code run} (1 to 8) bytes of {@code word}, which are ASCII digits,
     * first digit in the lowest byte. The digits' bytes become 0-9 before the word is shifted:
     * subtracting '0' from a byte that is not a digit may borrow, but only from the bytes above
     * it, which the shift drops; the zero bytes it shifts in below read as leading zeros. Three
     * multiplications then combine pairs, quadruples and the two halves (as in Lemire's
     * fast_float).
     */
    static long digitsValue(long word, int run) {
        long v = (word - 0x3030_3030_3030_3030L) << ((Long.BYTES - run) << 3);
        v = (v * 2561) >>> 8;
        v = ((v & 0x00FF_00FF_00FF_00FFL) * 6_553_601) >>> 16;
        return ((v & 0x0000_FFFF_0000_FFFFL) * 42_949_672_960_001L) >>> 32;
    }

    /**
     * The byte-at-a-time reader: numbers with more than 19 digits (the significand is cut to
     * its first 19 and then handed to Jackson's parser) and numbers too close to the end of the
     * payload for the eight-byte reads of {@link #number}.
     */
    private double numberDigitByDigit(final int start) {
        int i = start;
        boolean negative = false;
        if (b[i] == '-') {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int d = b[i] - '0';
        if (d == 0) {
            i++;
            if (isDigit(b[i])) {
                throw GIVE_UP; // leading zeros are not JSON
            }
        } else if (d > 0 && d <= 9) {
            do {
                if (significant < 19) {
                    mantissa = mantissa * 10 + d;
                }
                significant++;
                d = b[++i] - '0';
            } while (d >= 0 && d <= 9);
        } else {
            throw GIVE_UP;
        }
        boolean integer = true;
        if (b[i] == '.') {
            integer = false;
            d = b[++i] - '0';
            if (d < 0 || d > 9) {
                throw GIVE_UP;
            }
            do {
                if (mantissa != 0 || d != 0) {
                    if (significant < 19) {
                        mantissa = mantissa * 10 + d;
                    }
                    significant++;
                }
                exponent--;
                d = b[++i] - '0';
            } while (d >= 0 && d <= 9);
        }
        if (b[i] == 'e' || b[i] == 'E') {
            integer = false;
            boolean negativeExponent = false;
            byte c = b[++i];
            if (c == '-' || c == '+') {
                negativeExponent = c == '-';
                c = b[++i];
            }
            d = c - '0';
            if (d < 0 || d > 9) {
                throw GIVE_UP;
            }
            int e = 0;
            do {
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                d = b[++i] - '0';
            } while (d >= 0 && d <= 9);
            exponent += negativeExponent ? -e : e;
        }
        int length = i - start;
        if (length > MAX_NUMBER_CHARS) {
            throw GIVE_UP;
        }
        pos = i;
        double value;
        if (integer && significant <= 18) {
            // Jackson reads an integer token as a long, so "-0" is +0.0
            value = negative ? -mantissa : mantissa;
        } else if (mantissa == 0 && significant == 0) {
            value = negative ? -0.0 : 0.0;
        } else if (significant <= MAX_EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
            double m = mantissa;
            value = exponent < 0 ? m / POWERS_OF_TEN[-exponent] : m * POWERS_OF_TEN[exponent];
            if (negative) {
                value = -value;
            }
        } else if (significant > 19 || Double.isNaN(value = eiselLemire(mantissa, exponent, negative))) {
            value = slowNumber(start, length);
        }
        if (!Double.isFinite(value)) {
            throw GIVE_UP;
        }
        return value;
    }

    /**
     * Eisel and Lemire's algorithm (as in the fast_float library, without its subnormal case):
     * the correctly rounded double nearest to {@code w × 10^q} for a decimal significand of up to
     * 19 digits ({@code w} read as unsigned, not zero), from a 128-bit approximation of
     * {@code 5^q}; NaN outside the table's range or when the approximation cannot decide.
     */
    static double eiselLemire(long w, int q, boolean negative) {
        if (q < MIN_POWER || q > MAX_POWER) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = q - MIN_POWER;
        long hi = unsignedMultiplyHigh(w, POW5_HIGH[index]);
        long lo = w * POW5_HIGH[index];
        final long precisionMask = -1L >>> 55;
        if ((hi & precisionMask) == precisionMask) {
            long secondHi = unsignedMultiplyHigh(w, POW5_LOW[index]);
            lo += secondHi;
            if (Long.compareUnsigned(secondHi, lo) > 0) {
                hi++;
            }
            if ((hi & precisionMask) == precisionMask && lo == -1L) {
                return Double.NaN;
            }
        }
        int upperBit = (int) (hi >>> 63);
        int shift = upperBit + 9;
        long mantissa = hi >>> shift;
        int power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - lz + 1023;
        if (power2 <= 0) {
            return Double.NaN;
        }
        // exactly halfway between two doubles: round to even rather than up
        if (Long.compareUnsigned(lo, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && (mantissa << shift) == hi) {
            mantissa &= ~1L;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return Double.NaN;
        }
        long bits = mantissa | ((long) power2 << 52) | (negative ? Long.MIN_VALUE : 0);
        return Double.longBitsToDouble(bits);
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * 128-bit approximations of {@code 5^q} for the powers cameras use, built as fast_float's
     * table is: for {@code q >= 0} the power truncated to its top 128 bits; for {@code q < 0}
     * (down to -27, where one formula holds) {@code floor(2^(z + 127) / 5^-q) + 1}, with
     * {@code 2^z} the least power of two above {@code 5^-q}.
     */
    private static final int MIN_POWER = -27;
    private static final int MAX_POWER = 55;
    private static final long[] POW5_HIGH = new long[MAX_POWER - MIN_POWER + 1];
    private static final long[] POW5_LOW = new long[MAX_POWER - MIN_POWER + 1];

    static {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int q = MIN_POWER; q <= MAX_POWER; q++) {
            BigInteger c;
            if (q >= 0) {
                c = BigInteger.valueOf(5).pow(q);
                int bits = c.bitLength();
                c = bits < 128 ? c.shiftLeft(128 - bits) : c.shiftRight(bits - 128);
            } else {
                BigInteger p = BigInteger.valueOf(5).pow(-q);
                int z = p.bitLength();
                c = BigInteger.ONE.shiftLeft(z + 127).divide(p).add(BigInteger.ONE);
            }
            POW5_HIGH[q - MIN_POWER] = c.shiftRight(64).longValue();
            POW5_LOW[q - MIN_POWER] = c.and(mask64).longValue();
        }
    }

    /** Numbers beyond the exact fast path: Jackson's correctly rounded parser, as before. */
    private double slowNumber(int start, int length) {
        if (numberChars == null) {
            numberChars = new char[MAX_NUMBER_CHARS];
        }
        for (int k = 0; k < length; k++) {
            numberChars[k] = (char) b[start + k];
        }
        return NumberInput.parseDouble(numberChars, 0, length, true);
    }

    /** A non-negative integer token of at most 18 digits. */
    private long nonNegativeLong() {
        skipWs();
        int i = pos;
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
            throw GIVE_UP;
        }
        long v = 0;
        int digits = 0;
        do {
            v = v * 10 + d;
            digits++;
            d = b[++i] - '0';
        } while (d >= 0 && d <= 9);
        if (digits > 18 || (digits > 1 && b[pos] == '0') || b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
            throw GIVE_UP;
        }
        pos = i;
        return v;
    }

    private long dimension() {
        long v = nonNegativeLong();
        if (v < 1 || v > PoseFrameDecoder.MAX_DIMENSION) {
            throw GIVE_UP;
        }
        return v;
    }

    private PoseFormat format(int start, int stop) {
        for (PoseFormat f : PoseFormat.values()) {
            String w = f.wireName();
            if (w.length() == stop - start) {
                boolean same = true;
                for (int k = 0; k < w.length() && same; k++) {
                    same = b[start + k] == w.charAt(k);
                }
                if (same) {
                    return f;
                }
            }
        }
        throw GIVE_UP;
    }

    /** Skips a string, number, true, false or null; gives up on objects and arrays. */
    private void skipScalar() {
        byte c = skipWs();
        switch (c) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[pos + k] != word.charAt(k)) {
                throw GIVE_UP;
            }
        }
        pos += word.length();
        byte next = pos < end ? b[pos] : 0;
        if (next != ',' && next != '}' && next != ']' && !isWs(next)) {
            throw GIVE_UP;
        }
    }

    /**
     * Reads a string of printable ASCII without escapes (the parser is on its opening quote);
     * returns the index of its first character and leaves {@link #pos} after the closing quote.
     */
    private int string() {
        int start = ++pos;
        int i = start;
        while (true) {
            byte c = b[i];
            if (c == '"') {
                break;
            }
            // control characters are not JSON; escapes and non-ASCII go to the general parser
            if (c < 0x20 || c == '\\') {
                throw GIVE_UP;
            }
            i++;
        }
        pos = i + 1;
        return start;
    }

    private void key() {
        if (skipWs() != '"') {
            throw GIVE_UP;
        }
        keyStart = string();
        keyEnd = pos - 1;
    }

    private boolean keyIs(byte[] name) {
        if (keyEnd - keyStart != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (b[keyStart + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** A repeated key is legal JSON with a meaning of the general parser's own; leave it to it. */
    private static void once(boolean seen) {
        if (seen) {
            throw GIVE_UP;
        }
    }

    private void expect(char c) {
        if (skipWs() != c) {
            throw GIVE_UP;
        }
        pos++;
    }

    /** Skips JSON whitespace; returns the next byte without consuming it, or 0 at the end. */
    private byte skipWs() {
        while (pos < end) {
            byte c = b[pos];
            if (!isWs(c)) {
                return c;
            }
            pos++;
        }
        return 0;
    }

    private static boolean isWs(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
