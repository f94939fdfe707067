package com.clisonix.edge.music.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Raises the scheduling priority of the calling thread, for the threads whose timing listeners
 * hear (the beat clock, the note player). A JVM cannot do this itself: Java thread priorities
 * are hints Linux ignores by default. On a busy box the clock thread then waits behind every
 * other runnable thread after each wake-up, which is exactly the jitter a drum machine following
 * the clock turns into audible drift.
 *
 * <p>{@link Mode#REALTIME} puts the thread in the {@code SCHED_FIFO} class at a low real-time
 * priority ({@code chrt -f -p 10 <tid>}): it runs as soon as it wakes, ahead of every normal
 * thread. That is safe here because both timing threads sleep between deadlines and spin at most
 * a fraction of a millisecond, and the kernel keeps 5 % of each second for normal threads
 * regardless. {@link Mode#NICE} uses {@code renice -n -15}. Both need {@code CAP_SYS_NICE} (root,
 * or the capability granted to the service); without it, or off Linux, the thread keeps normal
 * scheduling and the result says why. Each mode falls back to the next weaker one.
 */
public final class TimingPriority {

    /** How far to raise a timing thread. */
    public enum Mode {
        REALTIME, NICE, NORMAL;

        /** Parses a configuration value ({@code realtime}, {@code nice}, {@code normal}). */
        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("must be one of realtime, nice, normal; got '" + value + "'");
            }
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the thread got, and why not more when it got less than asked. */
    public record Outcome(Mode applied, String detail) {
    }

    static final int REALTIME_PRIORITY = 10;
    static final int NICE_VALUE = -15;

    private TimingPriority() {
    }

    /** Applies {@code wanted} (or the strongest weaker mode that works) to the calling thread. */
    public static Outcome raiseCurrentThread(Mode wanted) {
        if (wanted == Mode.NORMAL) {
            return new Outcome(Mode.NORMAL, "as configured");
        }
        String tid;
        try {
            tid = currentTid();
        } catch (IOException | RuntimeException e) {
            return new Outcome(Mode.NORMAL, "thread id unknown (" + e.getMessage() + ")");
        }
        String why = "";
        if (wanted == Mode.REALTIME) {
            String failure = run(List.of("chrt", "-f", "-p", String.valueOf(REALTIME_PRIORITY), tid));
            if (failure == null) {
                return new Outcome(Mode.REALTIME, "SCHED_FIFO " + REALTIME_PRIORITY + " on thread " + tid);
            }
            why = "realtime refused: " + failure + "; ";
        }
        String failure = run(List.of("renice", "-n", String.valueOf(NICE_VALUE), "-p", tid));
        if (failure == null) {
            return new Outcome(Mode.NICE, why + "nice " + NICE_VALUE + " on thread " + tid);
        }
        return new Outcome(Mode.NORMAL, why + "nice refused: " + failure);
    }

    /** The kernel's id of the calling thread, from {@code /proc/thread-self} ({@code <pid>/task/<tid>}). */
    static String currentTid() throws IOException {
        Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
        String tid = self.getFileName().toString();
        if (!tid.chars().allMatch(Character::isDigit)) {
            throw new IOException("unexpected /proc/thread-self: " + self);
        }
        return tid;
    }

    /** Runs a command; null on success, else what went wrong. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return command.get(0) + " did not answer";
            }
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.exitValue() == 0 ? null : command.get(0) + " exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out);
        } catch (IOException e) {
            return command.get(0) + " not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
