package com.clisonix.edge.music.live;

import com.clisonix.edge.music.midi.BarEvent;
import com.clisonix.edge.music.midi.GrooveBar;
import com.clisonix.edge.music.midi.TimingPriority;
import com.clisonix.edge.music.midi.GrooveGenerator;
import com.clisonix.edge.music.midi.MidiTempo;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * Plays scheduled bars to a MIDI receiver in real time, on a thread of its own.
 *
 * <p>The planning side hands over each bar with its absolute start time
 * ({@link System#nanoTime()} scale) a little before it is due. Each event is sent at
 * {@code start + offset}, where the offset is the event's position at the bar's rounded tempo
 * ({@link GrooveBar#offsetMicros}), exactly as a MIDI file of the same bars times it. Deadlines
 * are absolute, so one late wake-up delays one event and never the ones after it. The thread
 * parks until {@value #SPIN_MICROS} µs before a deadline and spins the rest, as the beat clock
 * does; a note is audible, so a park's timer slack of a millisecond or two would be too.
 *
 * <p>The event loop never waits for this thread and this thread never touches the event loop's
 * state: the bars are immutable, and the listener is told when a bar and each of its beats start
 * (on this thread; it must not block). A receiver that throws (a device unplugged mid-class) is
 * counted and playing goes on. {@link #close()} silences the channels (All Notes Off), so a note
 * cut mid-bar does not hang on the synth.
 */
public final class BarPlayer implements AutoCloseable {

    /** What the player reports, on its own thread; implementations hand work elsewhere and return. */
    public interface Listener {
        /** Bar {@code bar} starts now (its first beat is reported next). */
        default void barStarted(GrooveBar bar) {
        }

        /** Beat {@code beatInBar} (0-3) of {@code bar} starts now. */
        default void beat(GrooveBar bar, int beatInBar) {
        }
    }

    static final long SPIN_MICROS = 200;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    private static final int ALL_NOTES_OFF = 123;
    private static final int[] CHANNELS = {
        GrooveGenerator.DRUM_CHANNEL, GrooveGenerator.BASS_CHANNEL, GrooveGenerator.CHORD_CHANNEL
    };

    private record Scheduled(GrooveBar bar, long startNanos) {
    }

    private final Receiver receiver;
    private final Listener listener;
    private final LinkedBlockingQueue<Scheduled> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong barsPlayed = new AtomicLong();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong maxLatenessMicros = new AtomicLong();
    private volatile boolean closing;
    private final TimingPriority.Mode wantedPriority;
    private final java.util.concurrent.CompletableFuture<TimingPriority.Outcome> priority =
        new java.util.concurrent.CompletableFuture<>();

    /** Starts the playing thread at normal priority; nothing sounds before the first {@link #schedule}. */
    public BarPlayer(Receiver receiver, Listener listener) {
        this(receiver, TimingPriority.Mode.NORMAL, listener);
    }

    /**
     * Starts the playing thread, raised to {@code priority} as far as the system allows (see
     * {@link #priority()}); nothing sounds before the first {@link #schedule}.
     */
    public BarPlayer(Receiver receiver, TimingPriority.Mode priority, Listener listener) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.listener = listener == null ? new Listener() { } : listener;
        this.wantedPriority = Objects.requireNonNull(priority, "priority");
        thread = new Thread(this::run, "music-player");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Queues a bar to start at {@code startNanos}; bars play in the order they are scheduled. */
    public void schedule(GrooveBar bar, long startNanos) {
        Objects.requireNonNull(bar, "bar");
        if (closing) {
            throw new IllegalStateException("the player is closed");
        }
        queue.add(new Scheduled(bar, startNanos));
    }

    /** Bars started so far. */
    public long barsPlayed() {
        return barsPlayed.get();
    }

    /** Channel messages handed to the receiver so far. */
    public long eventsSent() {
        return eventsSent.get();
    }

    public long sendFailures() {
        return sendFailures.get();
    }

    /** The latest any event left after its deadline, in microseconds. */
    public long maxLatenessMicros() {
        return maxLatenessMicros.get();
    }

    /** Stops playing at once, silences the channels, and waits up to a second for the thread. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        thread.interrupt();
        if (thread != Thread.currentThread()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The scheduling the playing thread got, once it has started. */
    public java.util.concurrent.CompletableFuture<TimingPriority.Outcome> priority() {
        return priority;
    }

    private void run() {
        priority.complete(TimingPriority.raiseCurrentThread(wantedPriority));
        try {
            while (!closing) {
                Scheduled next;
                try {
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (next != null && !play(next)) {
                    break;
                }
            }
        } finally {
            silence();
        }
    }

    /** Plays one bar; false when the player closed meanwhile. */
    private boolean play(Scheduled s) {
        GrooveBar bar = s.bar();
        long quarterNanos = MidiTempo.microsPerQuarter(bar.bpm()) * 1000;
        List<BarEvent> events = bar.events();
        int next = 0;
        for (int beat = 0; beat <= GrooveGenerator.BEATS_PER_BAR; beat++) {
            long beatTick = (long) beat * GrooveGenerator.PPQ;
            // the events before this beat's tick, then the beat itself (the last "beat" is the bar end)
            while (next < events.size() && events.get(next).tick() < beatTick) {
                BarEvent e = events.get(next++);
                long deadline = s.startNanos() + bar.offsetMicros(e) * 1000;
                if (!waitUntil(deadline)) {
                    return false;
                }
                send(e, deadline);
            }
            if (beat == GrooveGenerator.BEATS_PER_BAR) {
                break;
            }
            if (!waitUntil(s.startNanos() + beat * quarterNanos)) {
                return false;
            }
            if (beat == 0) {
                barsPlayed.incrementAndGet();
                notify(() -> listener.barStarted(bar));
            }
            int b = beat;
            notify(() -> listener.beat(bar, b));
        }
        return true;
    }

    private boolean waitUntil(long deadline) {
        while (!closing) {
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
        return false;
    }

    private void send(BarEvent e, long deadline) {
        long late = (System.nanoTime() - deadline) / 1000;
        maxLatenessMicros.accumulateAndGet(late, Math::max);
        try {
            receiver.send(e.toShortMessage(), -1);
            eventsSent.incrementAndGet();
        } catch (RuntimeException ex) {
            sendFailures.incrementAndGet();
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // a faulty listener must not stop the music
        }
    }

    private void silence() {
        for (int channel : CHANNELS) {
            try {
                receiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel, ALL_NOTES_OFF, 0), -1);
            } catch (InvalidMidiDataException | RuntimeException e) {
                sendFailures.incrementAndGet();
            }
        }
    }
}
