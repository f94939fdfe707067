package com.clisonix.edge.music.tempo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the {@code Tempo} object of CONTRACT.md §4: what the dashboard shows, what is
 * retained on {@code {root}/music/tempo}, and what {@code GET /fitness/music} returns.
 *
 * @param bpm    tempo of the bar being played
 * @param mode   planning mode
 * @param style  coach's style (the cool-down's ambient style is a playback detail, not a setting)
 * @param minBpm lower bound
 * @param maxBpm upper bound
 * @param ts     when the bar started
 */
public record TempoSnapshot(double bpm, TempoMode mode, MusicStyle style, double minBpm, double maxBpm, Instant ts) {

    public TempoSnapshot {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(ts, "ts");
    }

    /** Snapshot of a planned bar under the given settings. */
    public static TempoSnapshot of(PlannedBar bar, TempoSettings settings, Instant ts) {
        return new TempoSnapshot(bar.bpm(), settings.mode(), settings.style(),
                settings.minBpm(), settings.maxBpm(), ts);
    }

    /**
     * The contract's field names and JSON-ready values, in contract order: bpm rounded to one
     * decimal, names in their wire form, {@code ts} in epoch milliseconds like every {@code ts} of
     * the contract.
     */
    public Map<String, Object> toContractFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("bpm", Math.round(bpm * 10) / 10.0);
        fields.put("mode", mode.wireName());
        fields.put("style", style.wireName());
        fields.put("min_bpm", minBpm);
        fields.put("max_bpm", maxBpm);
        fields.put("ts", ts.toEpochMilli());
        return fields;
    }
}
