package com.clisonix.edge.music.tempo;

import java.util.Objects;

/**
 * One rejected field of a tempo settings update.
 *
 * @param field  the JSON field name as in the {@code Tempo} object of CONTRACT.md §4
 *               ({@code mode}, {@code style}, {@code min_bpm}, {@code max_bpm}, {@code bpm})
 * @param reason a short explanation a coach can act on
 */
public record SettingsError(String field, String reason) {
    public SettingsError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
