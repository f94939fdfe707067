package com.clisonix.edge.analysis.hrv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the RR recordings under {@code src/test/resources/rr/}. */
final class RrSamples {

    private RrSamples() {
    }

    static String text(String name) {
        try (InputStream in = RrSamples.class.getResourceAsStream("/rr/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource rr/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] intervals(String name) {
        RrParseResult result = new RrIntervalFileParser().parse(text(name));
        if (result instanceof RrParseResult.Parsed parsed) {
            return parsed.intervalsMs();
        }
        throw new IllegalStateException("could not parse rr/" + name + ": " + result);
    }
}
