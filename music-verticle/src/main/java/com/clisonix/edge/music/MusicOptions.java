package com.clisonix.edge.music;

import com.clisonix.edge.music.midi.TimingPriority;
import com.clisonix.edge.music.tempo.SettingsValidation;
import com.clisonix.edge.music.tempo.TempoSettings;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The music verticle's configuration.
 *
 * @param output      where the notes go: {@code none}, {@code synth}, or a MIDI device name
 *                    ({@code device:<name>} or {@code <name>}, a case-insensitive part of it)
 * @param clockOutput where MIDI beat clock goes, same syntax; {@code none} runs no clock
 * @param settings    the tempo settings the box starts with (mode, style, bounds, manual bpm)
 * @param mqttRoot    topic root; the retained tempo goes to {@code {root}/music/tempo}
 * @param seed        groove seed: two boxes with the same seed play the same music
 * @param lead        how long before a bar starts it is planned and handed to the player
 * @param timingPriority scheduling of the player and clock threads
 */
public record MusicOptions(String output, String clockOutput, TempoSettings settings, String mqttRoot, long seed,
        Duration lead, TimingPriority.Mode timingPriority) {

    public static final String DEFAULT_OUTPUT = "none";
    public static final long DEFAULT_SEED = 0x5EED;
    public static final Duration DEFAULT_LEAD = Duration.ofMillis(400);

    /**
     * Reads {@code {"output", "clock_output", "mode", "style", "min_bpm", "max_bpm", "bpm", "seed",
     * "lead_ms", "mqtt_root", "timing_priority"}}; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key of a bad value
     */
    public static MusicOptions fromJson(JsonObject json) {
        JsonObject c = json == null ? new JsonObject() : json;
        SettingsValidation v = TempoSettings.validate(string(c, "mode"), string(c, "style"), number(c, "min_bpm"),
                number(c, "max_bpm"), number(c, "bpm"));
        if (v instanceof SettingsValidation.Invalid invalid) {
            throw new IllegalArgumentException(invalid.errors().stream().map(e -> "music." + e.field() + " " + e.reason())
                    .collect(Collectors.joining("; ")));
        }
        long leadMs = c.getValue("lead_ms") == null ? DEFAULT_LEAD.toMillis() : number(c, "lead_ms").longValue();
        if (leadMs < 50 || leadMs > 2000) {
            throw new IllegalArgumentException("music.lead_ms must be between 50 and 2000, got " + leadMs);
        }
        String priority = string(c, "timing_priority");
        TimingPriority.Mode timing;
        try {
            timing = priority == null ? TimingPriority.Mode.REALTIME : TimingPriority.Mode.parse(priority);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("music.timing_priority " + e.getMessage());
        }
        Double seed = number(c, "seed");
        String output = string(c, "output");
        String clock = string(c, "clock_output");
        return new MusicOptions(output == null ? DEFAULT_OUTPUT : output, clock == null ? DEFAULT_OUTPUT : clock,
                ((SettingsValidation.Valid) v).settings(), c.getString("mqtt_root", "gym/demo"),
                seed == null ? DEFAULT_SEED : seed.longValue(), Duration.ofMillis(leadMs), timing);
    }

    /** The retained tempo topic. */
    public String tempoTopic() {
        return mqttRoot + "/music/tempo";
    }

    private static String string(JsonObject c, String key) {
        Object v = c.getValue(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static Double number(JsonObject c, String key) {
        Object v = c.getValue(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("music." + key + " must be a number, got '" + v + "'");
        }
    }
}
