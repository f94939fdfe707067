package com.clisonix.edge.analysis.hr;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The colour a zone is shown in: a human name (for screen readers and the API) and a CSS hex
 * colour (for tiles and charts).
 *
 * @param name a short lower-case name such as {@code grey} or {@code red}
 * @param hex  a CSS colour of the form {@code #RRGGBB}
 */
public record ZoneColour(String name, String hex) {

    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public static final ZoneColour GREY = new ZoneColour("grey", "#9E9E9E");
    public static final ZoneColour BLUE = new ZoneColour("blue", "#1E88E5");
    public static final ZoneColour GREEN = new ZoneColour("green", "#43A047");
    public static final ZoneColour YELLOW = new ZoneColour("yellow", "#FDD835");
    public static final ZoneColour RED = new ZoneColour("red", "#E53935");

    public ZoneColour {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hex, "hex");
        if (name.isBlank()) {
            throw new IllegalArgumentException("colour name must not be blank");
        }
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("colour must be #RRGGBB: " + hex);
        }
    }
}
