package com.clisonix.edge.sensor.pose;

import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.JsonSupport;
import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decodes the camera pose frame {@code {root}/camera/{cameraId}/pose} (CONTRACT.md §1) with a
 * streaming parser, so a hostile frame is refused after reading only as much as it takes to see
 * the problem.
 *
 * <p>Limits (whole frame rejected, typed reason):
 * <ul>
 *   <li>payload over {@code maxBytes} (default {@value #DEFAULT_MAX_BYTES}): {@code too_large},
 *       before any parsing;</li>
 *   <li>more than {@code maxPeople} (default {@value #DEFAULT_MAX_PEOPLE}) people:
 *       {@code too_many_people}, as soon as the first person past the cap starts, so a frame
 *       listing a thousand people costs about as much as one listing the cap;</li>
 *   <li>malformed JSON, nesting deeper than {@value #MAX_DEPTH}, numbers longer than 64
 *       characters, literal NaN/Infinity tokens (not JSON), trailing content: {@code bad_json};</li>
 *   <li>top level not an object, {@code people} not an array: {@code wrong_type};</li>
 *   <li>{@code frame}, {@code width}, {@code height} or {@code people} missing:
 *       {@code missing_field}; {@code frame} not a non-negative integer or {@code width} /
 *       {@code height} not an integer in 1-{@value #MAX_DIMENSION}: {@code bad_value};
 *       {@code ts} present but unusable: {@code bad_timestamp};</li>
 *   <li>people listed but none usable: {@code bad_landmarks}.</li>
 * </ul>
 *
 * <p>Per-person policy: one person with unusable data (missing or invalid track, unknown or
 * missing format, wrong row count or row length, a non-numeric or non-finite value, a
 * malformed {@code world}) is dropped alone and listed in {@link PoseFrame#dropped()}; the other
 * people of the frame are kept. A camera tracking several athletes should not blind the floor
 * to all of them because of one glitchy skeleton. Rows must be exactly {@code [x, y, z,
 * visibility]} for {@code mediapipe33} (33 rows) and {@code [x, y, score]} for {@code coco17}
 * (17 rows, mapped by {@link BlazePoseMapping}). {@code world} is optional, must be 33 rows of
 * three values when sent with {@code mediapipe33}, and is ignored for {@code coco17}. Values
 * are kept as sent (x, y may leave [0, 1] for joints off-frame).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PoseFrameDecoder {

    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_PEOPLE = 16;
    public static final int MAX_DIMENSION = 100_000;
    static final int MAX_DEPTH = 8;
    private static final int MAX_ROWS = PersonBuffer.MAX_ROWS;
    private static final int MAX_ARITY = PersonBuffer.MAX_ARITY;

    private final int maxBytes;
    private final int maxPeople;
    private final JsonFactory json;

    /** A decoder with the default limits. */
    public PoseFrameDecoder() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PEOPLE);
    }

    public PoseFrameDecoder(int maxBytes, int maxPeople) {
        if (maxBytes <= 0 || maxPeople < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxPeople = maxPeople;
        this.json = JsonSupport.factory(MAX_DEPTH, maxBytes);
    }

    public ParseResult<PoseFrame> decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return ParseResult.failed(RejectReason.EMPTY, "no payload");
        }
        if (payload.length > maxBytes) {
            return ParseResult.failed(RejectReason.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + maxBytes);
        }
        ParseResult<PoseFrame> fast = PoseFrameFastPath.tryDecode(payload, maxPeople);
        return fast != null ? fast : decodeGeneral(payload);
    }

    /**
     * Decodes with the streaming parser alone: every payload the fast path does not take, and the
     * reference the tests hold the fast path to.
     */
    ParseResult<PoseFrame> decodeGeneral(byte[] payload) {
        try (JsonParser p = json.createParser(payload)) {
            return parseFrame(p);
        } catch (IOException | RuntimeException e) {
            return ParseResult.failed(RejectReason.BAD_JSON, String.valueOf(e.getMessage()));
        }
    }

    private ParseResult<PoseFrame> parseFrame(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return ParseResult.failed(RejectReason.WRONG_TYPE, "payload is not a JSON object");
        }
        long ts = JsonSupport.NO_TIMESTAMP;
        long frame = -1;
        long width = -1;
        long height = -1;
        boolean sawFrame = false;
        boolean sawWidth = false;
        boolean sawHeight = false;
        List<PosePerson> people = null;
        List<DroppedField> dropped = new ArrayList<>(0);
        int listed = 0;
        PersonBuffer scratch = new PersonBuffer();

        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "ts" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        ts = JsonSupport.epochMillis(p);
                        if (ts == JsonSupport.NO_TIMESTAMP) {
                            return ParseResult.failed(RejectReason.BAD_TIMESTAMP,
                                    "ts is not a non-negative epoch-millisecond number");
                        }
                    }
                }
                case "frame" -> {
                    sawFrame = true;
                    frame = nonNegativeInteger(p);
                    if (frame < 0) {
                        return ParseResult.failed(RejectReason.BAD_VALUE, "frame is not a non-negative integer");
                    }
                }
                case "width" -> {
                    sawWidth = true;
                    width = dimension(p);
                    if (width < 0) {
                        return ParseResult.failed(RejectReason.BAD_VALUE,
                                "width is not an integer in 1-" + MAX_DIMENSION);
                    }
                }
                case "height" -> {
                    sawHeight = true;
                    height = dimension(p);
                    if (height < 0) {
                        return ParseResult.failed(RejectReason.BAD_VALUE,
                                "height is not an integer in 1-" + MAX_DIMENSION);
                    }
                }
                case "people" -> {
                    if (t != JsonToken.START_ARRAY) {
                        return ParseResult.failed(RejectReason.WRONG_TYPE, "people is not an array");
                    }
                    people = new ArrayList<>(Math.min(maxPeople, 4));
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (++listed > maxPeople) {
                            return ParseResult.failed(RejectReason.TOO_MANY_PEOPLE,
                                    "more than " + maxPeople + " people in one frame");
                        }
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            dropped.add(new DroppedField("people[" + (listed - 1) + "]", "not_an_object"));
                            continue;
                        }
                        String problem = parsePerson(p, scratch);
                        if (problem != null) {
                            dropped.add(new DroppedField("people[" + (listed - 1) + "]", problem));
                        } else {
                            people.add(scratch.toPerson());
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            return ParseResult.failed(RejectReason.BAD_JSON, "content after the JSON object");
        }
        if (!sawFrame || !sawWidth || !sawHeight || people == null) {
            return ParseResult.failed(RejectReason.MISSING_FIELD, "frame, width, height and people are required");
        }
        if (listed > 0 && people.isEmpty()) {
            return ParseResult.failed(RejectReason.BAD_LANDMARKS,
                    "no usable person; first problem: " + dropped.get(0).reason());
        }
        return ParseResult.parsed(new PoseFrame(
                ts == JsonSupport.NO_TIMESTAMP ? OptionalLong.empty() : OptionalLong.of(ts),
                frame, (int) width, (int) height, people, dropped));
    }

    /**
     * Reads one person object (the parser is on its START_OBJECT) into {@code s}; returns null
     * when the person is usable, else the reason it is not. Always consumes the whole object.
     */
    private static String parsePerson(JsonParser p, PersonBuffer s) throws IOException {
        s.clear();
        String problem = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "track" -> {
                    s.track = JsonSupport.scalarText(p);
                    if (s.track == null) {
                        p.skipChildren();
                        problem = first(problem, "bad_track");
                    }
                }
                case "format" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        s.format = PoseFormat.fromWireName(p.getText()).orElse(null);
                        if (s.format == null) {
                            problem = first(problem, "unknown_format");
                        }
                    } else {
                        p.skipChildren();
                        problem = first(problem, "unknown_format");
                    }
                }
                case "landmarks" -> {
                    if (t != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        problem = first(problem, "landmarks_not_an_array");
                    } else {
                        s.hasLandmarks = true;
                        problem = first(problem, readRows(p, s.landmarks, MAX_ARITY, s, false));
                    }
                }
                case "world" -> {
                    if (t == JsonToken.START_ARRAY) {
                        s.hasWorld = true;
                        problem = first(problem, readRows(p, s.world, 3, s, true));
                    } else if (t != JsonToken.VALUE_NULL) {
                        p.skipChildren();
                        problem = first(problem, "bad_world");
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (problem != null) {
            return problem;
        }
        return s.validate();
    }

    /**
     * Reads an array of numeric rows into {@code into} (row-major, stride {@code maxArity}),
     * consuming the whole array even after a problem so that parsing can go on with the next
     * field. Returns null or the first problem found.
     */
    private static String readRows(JsonParser p, double[] into, int maxArity, PersonBuffer s, boolean world)
            throws IOException {
        String problem = null;
        int rows = 0;
        int arity = -1;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                problem = first(problem, "row_not_an_array");
                continue;
            }
            rows++;
            int k = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (!Double.isFinite(d)) {
                        problem = first(problem, "not_finite");
                    } else if (problem == null && rows <= MAX_ROWS && k < maxArity) {
                        into[(rows - 1) * maxArity + k] = d;
                    }
                } else {
                    p.skipChildren();
                    problem = first(problem, "non_numeric");
                }
                k++;
            }
            if (k > maxArity) {
                problem = first(problem, world ? "bad_world" : "wrong_arity");
            } else if (arity == -1) {
                arity = k;
            } else if (arity != k) {
                problem = first(problem, world ? "bad_world" : "wrong_arity");
            }
        }
        if (rows > MAX_ROWS) {
            problem = first(problem, world ? "bad_world" : "wrong_row_count");
        }
        if (world) {
            s.worldRows = rows;
            s.worldArity = arity;
        } else {
            s.rows = rows;
            s.arity = arity;
        }
        return problem;
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    private static long nonNegativeInteger(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            p.skipChildren();
            return -1;
        }
        long v = p.getLongValue();
        return v >= 0 ? v : -1;
    }

    private static long dimension(JsonParser p) throws IOException {
        long v = nonNegativeInteger(p);
        return v >= 1 && v <= MAX_DIMENSION ? v : -1;
    }
}
