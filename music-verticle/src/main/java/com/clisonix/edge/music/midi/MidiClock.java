package com.clisonix.edge.music.midi;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * Sends MIDI beat clock (0xF8, {@value #CLOCKS_PER_QUARTER} per quarter note) and transport
 * messages (Start 0xFA, Stop 0xFC, Continue 0xFB) to a {@link Receiver}, so drum machines,
 * lighting desks and DJ gear on the floor can follow the class tempo. The JDK sequencer neither
 * sends nor follows clock (midi.md §2), hence this generator.
 *
 * <p>Timing: one dedicated daemon thread, raised to real-time scheduling where the system allows
 * ({@link TimingPriority}). Tick {@code n} is due at
 * {@code anchor + (n - anchorTick) x interval}, computed from {@link System#nanoTime()}; an
 * error in one wait therefore never carries into the next (absolute deadlines, no accumulated
 * sleeps). The thread parks until about {@value #SPIN_MICROS} µs before a deadline and spins the
 * rest, because a park can overshoot by the kernel's timer slack. A tempo change re-anchors the
 * grid at the next tick. A late thread catches up without dropping ticks, so followers keep
 * their bar position.
 *
 * <p>Transport: {@link #start()} begins the clock and sends Start before the first tick; the
 * clock then runs until {@link #close()}. {@link #stop()} and {@link #resume()} only gate
 * playback: clock keeps flowing while stopped so followers stay locked to the tempo (midi.md
 * §3). All bytes are sent from the timing thread, in order, each transport message right before
 * the tick it belongs to; the receiver needs no thread safety of its own.
 */
public final class MidiClock implements AutoCloseable {

    public static final int CLOCKS_PER_QUARTER = 24;
    static final long SPIN_MICROS = 200;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    private static final double MAX_BPM = 1000;

    private enum Transport { IDLE, PLAYING, PAUSED }

    private final Receiver receiver;
    private final Queue<ShortMessage> pending = new ConcurrentLinkedQueue<>();
    private final Object statsLock = new Object();
    private final MicrosHistogram lateness = new MicrosHistogram();
    private final MicrosHistogram intervalError = new MicrosHistogram();
    private final ShortMessage timingClock = realTime(ShortMessage.TIMING_CLOCK);
    private final TimingPriority.Mode wantedPriority;
    private final CompletableFuture<TimingPriority.Outcome> priority = new CompletableFuture<>();

    private volatile double bpm;
    private volatile boolean closing;
    private volatile long closeAtNanos;
    private volatile LongConsumer beatListener;
    private Transport transport = Transport.IDLE;
    private Thread thread;
    private boolean closed;

    // written by the timing thread only, read under statsLock
    private long sendFailures;
    private double intervalSumMicros;
    private long intervals;

    /**
     * A clock that will drive {@code receiver} at {@code bpm}; nothing is sent before
     * {@link #start()}.
     */
    public MidiClock(Receiver receiver, double bpm) {
        this(receiver, bpm, TimingPriority.Mode.NORMAL);
    }

    /**
     * A clock whose timing thread raises itself to {@code priority} when it starts, as far as the
     * system allows ({@link #priority()} says what it got).
     */
    public MidiClock(Receiver receiver, double bpm, TimingPriority.Mode priority) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.bpm = checkBpm(bpm);
        this.wantedPriority = Objects.requireNonNull(priority, "priority");
    }

    /** The scheduling the timing thread got, once it has started. */
    public CompletableFuture<TimingPriority.Outcome> priority() {
        return priority;
    }

    /** Sends Start (playback from the top) at the next tick, starting the timing thread if needed. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the clock is closed");
        }
        pending.add(realTime(ShortMessage.START));
        transport = Transport.PLAYING;
        if (thread == null) {
            thread = new Thread(this::run, "midi-clock");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            thread.start();
        }
    }

    /** Sends Stop at the next tick if playing; the clock keeps running. */
    public synchronized void stop() {
        if (transport == Transport.PLAYING && !closed) {
            pending.add(realTime(ShortMessage.STOP));
            transport = Transport.PAUSED;
        }
    }

    /** Sends Continue at the next tick if stopped after a start. */
    public synchronized void resume() {
        if (transport == Transport.PAUSED && !closed) {
            pending.add(realTime(ShortMessage.CONTINUE));
            transport = Transport.PLAYING;
        }
    }

    /** True between {@link #start()} (or {@link #resume()}) and {@link #stop()} or {@link #close()}. */
    public synchronized boolean isPlaying() {
        return transport == Transport.PLAYING && !closed;
    }

    /** Changes the tempo; the interval after the next tick uses it. */
    public void setBpm(double newBpm) {
        bpm = checkBpm(newBpm);
    }

    public double bpm() {
        return bpm;
    }

    /**
     * Called on the timing thread with the beat number (0 = the Start beat) at each quarter note
     * while playing, right after that beat's clock byte. It must return quickly and never block:
     * hand the work to another thread.
     */
    public void setBeatListener(LongConsumer listener) {
        beatListener = listener;
    }

    /** A snapshot of the timing statistics so far. */
    public ClockStats stats() {
        synchronized (statsLock) {
            return new ClockStats(lateness.count(), sendFailures,
                    intervals == 0 ? 0 : intervalSumMicros / intervals,
                    lateness.mean(), lateness.percentile(0.99), lateness.max(),
                    intervalError.mean(), intervalError.percentile(0.99));
        }
    }

    /**
     * Stops the clock for good. Every tick that was due before this call is still sent (a starved
     * thread catches up first), then any pending transport message, then Stop if playback was
     * running; no byte follows. The clock output therefore covers exactly the time from start to
     * this call. Waits up to a second for the timing thread to end.
     */
    @Override
    public void close() {
        Thread timing;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeAtNanos = System.nanoTime();
            closing = true;
            timing = thread;
        }
        if (timing != null) {
            LockSupport.unpark(timing);
            if (timing == Thread.currentThread()) {
                // closed from a beat listener: the loop ends by itself after this callback
                return;
            }
            try {
                timing.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        priority.complete(TimingPriority.raiseCurrentThread(wantedPriority));
        long anchorNanos = System.nanoTime();
        long anchorTick = 0;
        double anchorBpm = bpm;
        double intervalNanos = nanosPerClock(anchorBpm);
        long previousDeadline = 0;
        long previousSent = 0;
        boolean playing = false;
        long clocksSinceStart = 0;
        for (long n = 0; ; n++) {
            long deadline = anchorNanos + Math.round((n - anchorTick) * intervalNanos);
            if (!waitUntil(deadline)) {
                break;
            }
            long sent = System.nanoTime();
            for (ShortMessage message = pending.poll(); message != null; message = pending.poll()) {
                send(message);
                int status = message.getStatus();
                if (status == ShortMessage.START) {
                    clocksSinceStart = 0;
                }
                playing = status == ShortMessage.START || status == ShortMessage.CONTINUE;
            }
            send(timingClock);
            record(n, sent - deadline, sent - previousSent, deadline - previousDeadline);
            previousSent = sent;
            previousDeadline = deadline;
            if (playing) {
                if (clocksSinceStart % CLOCKS_PER_QUARTER == 0) {
                    notifyBeat(clocksSinceStart / CLOCKS_PER_QUARTER);
                }
                clocksSinceStart++;
            }
            double wanted = bpm;
            if (wanted != anchorBpm) {
                anchorNanos = deadline;
                anchorTick = n;
                anchorBpm = wanted;
                intervalNanos = nanosPerClock(wanted);
            }
        }
        for (ShortMessage message = pending.poll(); message != null; message = pending.poll()) {
            send(message);
            int status = message.getStatus();
            playing = status == ShortMessage.START || status == ShortMessage.CONTINUE;
        }
        if (playing) {
            send(realTime(ShortMessage.STOP));
        }
    }

    /** Waits for the deadline; false when the clock closed before the deadline. */
    private boolean waitUntil(long deadline) {
        while (true) {
            if (closing && deadline - closeAtNanos > 0) {
                return false;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void send(ShortMessage message) {
        try {
            receiver.send(message, -1);
        } catch (RuntimeException e) {
            // a device unplugged mid-class must not kill the clock; the failure is counted
            synchronized (statsLock) {
                sendFailures++;
            }
        }
    }

    private void record(long tick, long latenessNanos, long intervalNanos, long nominalNanos) {
        synchronized (statsLock) {
            lateness.add(TimeUnit.NANOSECONDS.toMicros(latenessNanos));
            if (tick > 0) {
                intervals++;
                intervalSumMicros += intervalNanos / 1000.0;
                intervalError.add(TimeUnit.NANOSECONDS.toMicros(Math.abs(intervalNanos - nominalNanos)));
            }
        }
    }

    private void notifyBeat(long beat) {
        LongConsumer listener = beatListener;
        if (listener != null) {
            try {
                listener.accept(beat);
            } catch (RuntimeException e) {
                // a faulty listener must not stop the clock
            }
        }
    }

    private static double nanosPerClock(double bpm) {
        return 60e9 / (bpm * CLOCKS_PER_QUARTER);
    }

    private static double checkBpm(double bpm) {
        if (!Double.isFinite(bpm) || bpm <= 0 || bpm > MAX_BPM) {
            throw new IllegalArgumentException("bpm must be in (0, " + MAX_BPM + "], got " + bpm);
        }
        return bpm;
    }

    private static ShortMessage realTime(int status) {
        try {
            return new ShortMessage(status);
        } catch (InvalidMidiDataException e) {
            // unreachable for the System Real-Time status bytes used here
            throw new IllegalStateException(e);
        }
    }
}
