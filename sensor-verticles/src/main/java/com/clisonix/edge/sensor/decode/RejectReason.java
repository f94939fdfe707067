package com.clisonix.edge.sensor.decode;

/**
 * Why a payload was refused as a whole. Each reason has a stable snake_case {@link #code()} used
 * as the {@code reason} label of {@code clisonix_ingest_rejected_total}; renaming a code breaks
 * dashboards, so codes only ever get added.
 */
public enum RejectReason {
    /** No bytes at all. */
    EMPTY("empty"),
    /** Shorter than the fields every packet of this kind must carry. */
    TRUNCATED("truncated"),
    /** A field announced by a flag bit does not fit in the remaining bytes. */
    FLAGS_MISMATCH("flags_mismatch"),
    /** A hex string with an odd length or a non-hex character. */
    BAD_HEX("bad_hex"),
    /** Not well-formed JSON, or JSON beyond the parser's depth, number or string limits. */
    BAD_JSON("bad_json"),
    /** Well-formed JSON, but a value has the wrong JSON type (e.g. the top level is not an object). */
    WRONG_TYPE("wrong_type"),
    /** A required field is absent. */
    MISSING_FIELD("missing_field"),
    /** A required field is present but outside its allowed values. */
    BAD_VALUE("bad_value"),
    /** A timestamp that is not a non-negative epoch-millisecond number. */
    BAD_TIMESTAMP("bad_timestamp"),
    /** The payload exceeds the decoder's size cap. */
    TOO_LARGE("too_large"),
    /** A pose frame lists more people than the decoder's cap. */
    TOO_MANY_PEOPLE("too_many_people"),
    /** Every person of a pose frame had unusable landmarks. */
    BAD_LANDMARKS("bad_landmarks"),
    /** A topic names a characteristic no decoder exists for. */
    UNKNOWN_CHARACTERISTIC("unknown_characteristic"),
    /** A device id that is neither a MAC address nor a valid plain id. */
    BAD_DEVICE_ID("bad_device_id");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** Stable snake_case label for metrics and logs. */
    public String code() {
        return code;
    }
}
