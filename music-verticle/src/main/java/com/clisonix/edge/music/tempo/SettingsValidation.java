package com.clisonix.edge.music.tempo;

import java.util.List;
import java.util.Objects;

/**
 * Outcome of validating a tempo settings update: either usable settings or the list of fields
 * that were rejected. A bad update from the HTTP API is an expected event, so it is a value, not
 * an exception.
 */
public sealed interface SettingsValidation {

    /** The update was accepted. */
    record Valid(TempoSettings settings) implements SettingsValidation {
        public Valid {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** The update was rejected; {@code errors} is never empty and names every bad field. */
    record Invalid(List<SettingsError> errors) implements SettingsValidation {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }

        /** True when one of the errors concerns the given JSON field. */
        public boolean names(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }
    }
}
