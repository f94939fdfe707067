package com.clisonix.edge.sensor.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile JSON for decoder property tests: truncations, insertions and
 * deletions of JSON syntax, random bytes (including invalid UTF-8), deep nesting, huge and
 * non-finite-looking numbers, and values of the wrong type.
 */
public final class JsonFuzz {

    private static final String ALPHABET = "{}[]\",:0123456789eE.-+ truefalsnul\\x\u00e9\n";
    private static final String[] WRONG_VALUES = {
        "[]", "{}", "\"str\"", "null", "true", "false", "-1", "0", "1e999", "-1e999", "NaN", "Infinity",
        "123456789012345678901234567890", "1.5", "\"\\u0000\"", "[[[[[[[[[[1]]]]]]]]]]",
        "1" + "0".repeat(63), "9".repeat(400), "0." + "0".repeat(300) + "1", "\"" + "a".repeat(300) + "\"",
    };

    private final Random rnd;
    private final List<String> seeds;

    public JsonFuzz(long seed, List<String> seeds) {
        this.rnd = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    /** The next hostile payload. */
    public byte[] next() {
        String s = seeds.get(rnd.nextInt(seeds.size()));
        switch (rnd.nextInt(9)) {
            case 0 -> s = s.substring(0, rnd.nextInt(s.length() + 1));
            case 1 -> s = insert(s, rnd.nextInt(4) + 1);
            case 2 -> s = delete(s, rnd.nextInt(4) + 1);
            case 3 -> s = deepNesting(rnd.nextInt(3000) + 1);
            case 4 -> s = replaceValue(s);
            case 5 -> s = replaceValue(replaceValue(replaceValue(s)));
            case 6 -> {
                byte[] b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                return b;
            }
            case 7 -> s = s + s;
            default -> s = "{\"k\":" + s + ",\"ts\":" + WRONG_VALUES[rnd.nextInt(WRONG_VALUES.length)] + "}";
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A sample of payloads. */
    public List<byte[]> take(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    private String insert(String s, int times) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < times; i++) {
            sb.insert(rnd.nextInt(sb.length() + 1), ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private String delete(String s, int times) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < times && sb.length() > 0; i++) {
            sb.deleteCharAt(rnd.nextInt(sb.length()));
        }
        return sb.toString();
    }

    private String deepNesting(int depth) {
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"people\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    /** Replaces the value after a random colon or comma with a wrong-typed or extreme value. */
    private String replaceValue(String s) {
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == ',' || c == '[') {
                anchors.add(i);
            }
        }
        if (anchors.isEmpty()) {
            return s;
        }
        int at = anchors.get(rnd.nextInt(anchors.size())) + 1;
        int end = at;
        while (end < s.length() && ",]}".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, at) + WRONG_VALUES[rnd.nextInt(WRONG_VALUES.length)] + s.substring(end);
    }
}
