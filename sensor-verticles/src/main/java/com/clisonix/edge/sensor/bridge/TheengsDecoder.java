package com.clisonix.edge.sensor.bridge;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.decode.DroppedField;
import com.clisonix.edge.sensor.decode.JsonSupport;
import com.clisonix.edge.sensor.decode.RejectReason;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the advert JSON that Theengs Gateway and OpenMQTTGateway publish on
 * {@code home/<gateway>/BTtoMQTT/<MAC>} (bridges.md §1).
 *
 * <p>Heart rate comes from {@code bpm}, else from {@code act_bpm} (Mi Band / Amazfit), else from
 * a Polar H10 advert the gateway left undecoded: {@code manufacturerdata} of exactly twelve hex
 * digits starting {@code 6b00} (Polar's company id, little-endian), whose last byte is the heart
 * rate (ble-gatt.md §6). {@code batt} becomes {@code battery} and {@code rssi} becomes
 * {@code rssi}. rawExtras records where the heart rate came from ({@value #HR_SOURCE_KEY}) and
 * keeps the other top-level scalar fields (brand, model, name, steps, ...) up to
 * {@value #MAX_EXTRAS} of them. A band's {@code steps} stays in rawExtras: it is a daily total,
 * not a workout's step count.
 *
 * <p>The payload's {@code id} and {@code mac} are ignored: the device id is the topic's last
 * level. Payloads of devices without any of these fields (thermometers, phones) decode to an
 * empty reading list; that is not an error. A known field of the wrong JSON type or with a
 * non-finite value is dropped alone. Whole-payload rejections: {@code empty}, {@code too_large}
 * (over {@value #MAX_BYTES} bytes), {@code bad_json}, {@code wrong_type} (not an object).
 */
public final class TheengsDecoder {

    public static final int MAX_BYTES = 8192;
    public static final int MAX_EXTRAS = 32;
    public static final String HR_SOURCE_KEY = "heart_rate_source";

    private static final JsonFactory JSON = JsonSupport.factory(16, MAX_BYTES);
    private static final int MAX_EXTRA_STRING = 256;

    private TheengsDecoder() {
    }

    public static DecodeResult decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new DecodeResult.Rejected(RejectReason.EMPTY, "no payload");
        }
        if (payload.length > MAX_BYTES) {
            return new DecodeResult.Rejected(RejectReason.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        double bpm = Double.NaN;
        double actBpm = Double.NaN;
        double batt = Double.NaN;
        double rssi = Double.NaN;
        String manufacturerData = null;
        List<DroppedField> dropped = new ArrayList<>(0);
        Map<String, Object> extras = new HashMap<>();
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new DecodeResult.Rejected(RejectReason.WRONG_TYPE, "payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "bpm" -> bpm = number(p, ReadingType.HEART_RATE.wireName(), dropped);
                    case "act_bpm" -> actBpm = number(p, ReadingType.HEART_RATE.wireName(), dropped);
                    case "batt" -> batt = number(p, ReadingType.BATTERY.wireName(), dropped);
                    case "rssi" -> rssi = number(p, ReadingType.RSSI.wireName(), dropped);
                    case "id", "mac" -> p.skipChildren();
                    case "manufacturerdata" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            manufacturerData = p.getText();
                            keepExtra(extras, name, manufacturerData);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> {
                        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        } else if (t == JsonToken.VALUE_STRING) {
                            keepExtra(extras, name, p.getText());
                        } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                            keepExtra(extras, name, t == JsonToken.VALUE_TRUE);
                        } else if (JsonSupport.isNumber(p)) {
                            double d = p.getDoubleValue();
                            if (Double.isFinite(d)) {
                                keepExtra(extras, name, d);
                            }
                        }
                    }
                }
            }
            if (p.nextToken() != null) {
                return new DecodeResult.Rejected(RejectReason.BAD_JSON, "content after the JSON object");
            }
        } catch (IOException | RuntimeException e) {
            return new DecodeResult.Rejected(RejectReason.BAD_JSON, String.valueOf(e.getMessage()));
        }

        List<Measurement> out = new ArrayList<>(3);
        if (!Double.isNaN(bpm)) {
            out.add(new Measurement(ReadingType.HEART_RATE, bpm));
            extras.put(HR_SOURCE_KEY, "bpm");
            if (!Double.isNaN(actBpm)) {
                extras.put("act_bpm", actBpm);
            }
        } else if (!Double.isNaN(actBpm)) {
            out.add(new Measurement(ReadingType.HEART_RATE, actBpm));
            extras.put(HR_SOURCE_KEY, "act_bpm");
        } else {
            int polar = polarH10HeartRate(manufacturerData);
            if (polar >= 0) {
                out.add(new Measurement(ReadingType.HEART_RATE, polar));
                extras.put(HR_SOURCE_KEY, "polar_h10_advert");
            }
        }
        if (!Double.isNaN(batt)) {
            out.add(new Measurement(ReadingType.BATTERY, batt));
        }
        if (!Double.isNaN(rssi)) {
            out.add(new Measurement(ReadingType.RSSI, rssi));
        }
        return new DecodeResult.Decoded(out, extras, dropped);
    }

    /**
     * The heart rate in a Polar H10 manufacturer-data advert (ble-gatt.md §6), or -1 when the
     * text is not one: it must be exactly twelve hex digits starting {@code 6b00}.
     */
    public static int polarH10HeartRate(String manufacturerData) {
        if (manufacturerData == null || manufacturerData.length() != 12
                || !manufacturerData.toLowerCase(Locale.ROOT).startsWith("6b00")) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < 12; i++) {
            int digit = DeviceIds.hexValue(manufacturerData.charAt(i));
            if (digit < 0) {
                return -1;
            }
            if (i >= 10) {
                value = value << 4 | digit;
            }
        }
        return value;
    }

    /** A known numeric field's value, or NaN after recording why it was dropped. */
    private static double number(JsonParser p, String field, List<DroppedField> dropped) throws IOException {
        if (!JsonSupport.isNumber(p)) {
            p.skipChildren();
            dropped.add(new DroppedField(field, "wrong_type"));
            return Double.NaN;
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            dropped.add(new DroppedField(field, "not_finite"));
            return Double.NaN;
        }
        return d;
    }

    private static void keepExtra(Map<String, Object> extras, String name, Object value) {
        if (extras.size() >= MAX_EXTRAS && !extras.containsKey(name)) {
            return;
        }
        if (value instanceof String s && s.length() > MAX_EXTRA_STRING) {
            value = s.substring(0, MAX_EXTRA_STRING);
        }
        extras.put(name, value);
    }
}
