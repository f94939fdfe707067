package com.clisonix.edge.sensor.bridge;

import com.clisonix.edge.sensor.decode.ParseResult;
import com.clisonix.edge.sensor.decode.RejectReason;

/**
 * Device id normalisation (CONTRACT.md §1 and §2), applied to every id whatever its origin
 * (topic level, pairing call, a profile's {@code linked_wearables}), so that one strap has one
 * id whichever bridge reports it.
 *
 * <p>Recognised MAC forms, any letter case: six hex pairs separated by {@code :} or by
 * {@code -} (one separator kind throughout), three hex quadruples separated by {@code .}, or
 * twelve hex digits without separators. They become twelve upper-case hex digits. Anything else
 * must already be a plain id matching {@code [A-Za-z0-9_-]{1,64}} and is kept as it is (plain
 * ids are case-sensitive). Consequence: a plain id that happens to be exactly twelve hex digits
 * is indistinguishable from a MAC and is upper-cased. Surrounding whitespace is not trimmed: it
 * makes the id invalid, since a topic level or a stored key never contains it.
 */
public final class DeviceIds {

    /** Longest plain id accepted. */
    public static final int MAX_LENGTH = 64;

    private DeviceIds() {
    }

    /** Normalises a raw id, or fails with {@link RejectReason#BAD_DEVICE_ID}. */
    public static ParseResult<DeviceId> normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return ParseResult.failed(RejectReason.BAD_DEVICE_ID, "empty device id");
        }
        String mac = macOrNull(raw);
        if (mac != null) {
            return ParseResult.parsed(new DeviceId(mac, true));
        }
        if (raw.length() > MAX_LENGTH) {
            return ParseResult.failed(RejectReason.BAD_DEVICE_ID,
                    "device id longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isPlainIdChar(raw.charAt(i))) {
                return ParseResult.failed(RejectReason.BAD_DEVICE_ID,
                        "device id has a character outside [A-Za-z0-9_-] at position " + i);
            }
        }
        return ParseResult.parsed(new DeviceId(raw, false));
    }

    /**
     * True when {@code s} is a plain id: 1-{@value #MAX_LENGTH} characters of
     * {@code [A-Za-z0-9_-]}. Camera track ids follow the same rule.
     */
    public static boolean isPlainId(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isPlainIdChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code raw} normalises successfully. */
    public static boolean isValid(String raw) {
        return normalise(raw) instanceof ParseResult.Parsed;
    }

    private static String macOrNull(String s) {
        int n = s.length();
        if (n == 12) {
            return allHex(s) ? s.toUpperCase(java.util.Locale.ROOT) : null;
        }
        if (n == 17) {
            char sep = s.charAt(2);
            if (sep != ':' && sep != '-') {
                return null;
            }
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 17; i++) {
                char c = s.charAt(i);
                if (i % 3 == 2) {
                    if (c != sep) {
                        return null;
                    }
                } else if (hexValue(c) < 0) {
                    return null;
                } else {
                    sb.append(Character.toUpperCase(c));
                }
            }
            return sb.toString();
        }
        if (n == 14) {
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 14; i++) {
                char c = s.charAt(i);
                if (i == 4 || i == 9) {
                    if (c != '.') {
                        return null;
                    }
                } else if (hexValue(c) < 0) {
                    return null;
                } else {
                    sb.append(Character.toUpperCase(c));
                }
            }
            return sb.toString();
        }
        return null;
    }

    private static boolean allHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (hexValue(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of an ASCII hex digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isPlainIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-';
    }
}
