package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import org.junit.jupiter.api.Test;

/**
 * Counts and order only; the timing quality of the clock is a benchmark figure (docs/music.md),
 * not a unit-test assertion.
 */
class MidiClockTest {

    private static final int CLOCK = 0xF8;
    private static final int START = 0xFA;
    private static final int CONTINUE = 0xFB;
    private static final int STOP = 0xFC;

    @Test
    void twoSecondsAtOneTwentyEightGiveTwentyFourClocksPerBeat() throws Exception {
        CollectingReceiver receiver = new CollectingReceiver();
        MidiClock clock = new MidiClock(receiver, 128);
        clock.start();
        Thread.sleep(2_000);
        long closedAt = System.nanoTime();
        clock.close();

        List<CollectingReceiver.Received> got = receiver.received();
        assertThat(got.get(0).status()).isEqualTo(START);
        assertThat(got.get(got.size() - 1).status()).isEqualTo(STOP);
        long clocks = got.stream().filter(r -> r.status() == CLOCK).count();
        assertThat(got).hasSize((int) clocks + 2);

        // midi.md §3: 24 clocks per quarter note, over the beats between Start and the close
        // (the clock sends every tick due before close(), even when the machine starved it)
        double seconds = (closedAt - got.get(0).nanos()) / 1e9;
        double expected = 24 * seconds * 128 / 60;
        assertThat((double) clocks).isBetween(expected - 1, expected + 1);
        // at least the 2 s slept: 24 x 128/60 x 2 = 102.4 clocks
        assertThat(clocks).isGreaterThanOrEqualTo(102);
        ClockStats stats = clock.stats();
        assertThat(stats.ticks()).isEqualTo(clocks);
        assertThat(stats.sendFailures()).isZero();
        assertThat(stats.p99LatenessMicros()).isGreaterThanOrEqualTo(0);
        System.out.println("MIDI clock, 2 s at 128 bpm: " + stats);
    }

    @Test
    void stopAndContinueGatePlaybackWhileClockKeepsRunning() throws Exception {
        CollectingReceiver receiver = new CollectingReceiver();
        try (MidiClock clock = new MidiClock(receiver, 160)) {
            clock.start();
            Thread.sleep(250);
            clock.stop();
            assertThat(clock.isPlaying()).isFalse();
            Thread.sleep(250);
            clock.resume();
            assertThat(clock.isPlaying()).isTrue();
            Thread.sleep(250);
        }
        List<Integer> statuses = receiver.received().stream().map(CollectingReceiver.Received::status).toList();
        int stop = statuses.indexOf(STOP);
        int resume = statuses.indexOf(CONTINUE);
        assertThat(statuses.get(0)).isEqualTo(START);
        assertThat(stop).isPositive();
        assertThat(resume).isGreaterThan(stop);
        // midi.md §3: clock continues while stopped so followers keep their tempo lock
        assertThat(statuses.subList(stop + 1, resume)).isNotEmpty().containsOnly(CLOCK);
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo(STOP);
        assertThat(statuses.stream().filter(s -> s == START).count()).isEqualTo(1);
    }

    @Test
    void beatListenerSeesConsecutiveBeatsFromStart() throws Exception {
        CollectingReceiver receiver = new CollectingReceiver();
        List<Long> beats = new CopyOnWriteArrayList<>();
        try (MidiClock clock = new MidiClock(receiver, 180)) {
            clock.setBeatListener(beats::add);
            clock.start();
            Thread.sleep(1_100);
        }
        long clocks = receiver.received().stream().filter(r -> r.status() == CLOCK).count();
        assertThat(beats).isNotEmpty();
        for (int i = 0; i < beats.size(); i++) {
            assertThat(beats.get(i)).isEqualTo(i);
        }
        // one beat per started group of 24 clocks
        assertThat((long) beats.size()).isEqualTo((clocks + 23) / 24);
    }

    @Test
    void tempoChangeShortensTheClockInterval() throws Exception {
        CollectingReceiver receiver = new CollectingReceiver();
        try (MidiClock clock = new MidiClock(receiver, 100)) {
            clock.start();
            Thread.sleep(600);
            clock.setBpm(200);
            assertThat(clock.bpm()).isEqualTo(200.0);
            Thread.sleep(600);
        }
        List<Long> times = receiver.received().stream().filter(r -> r.status() == CLOCK)
                .map(CollectingReceiver.Received::nanos).toList();
        int half = times.size() / 3;
        double early = medianGap(times.subList(1, half));
        double late = medianGap(times.subList(times.size() - half, times.size()));
        // 100 bpm: 25 ms per clock; 200 bpm: 12.5 ms (midi.md §3: 60 / (bpm x 24) s)
        assertThat(late).isLessThan(early * 0.75);
    }

    @Test
    void aFailingReceiverDoesNotStopTheClock() throws Exception {
        Receiver broken = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                throw new IllegalStateException("device unplugged");
            }

            @Override
            public void close() {
            }
        };
        MidiClock clock = new MidiClock(broken, 200);
        clock.start();
        Thread.sleep(200);
        clock.close();
        ClockStats stats = clock.stats();
        assertThat(stats.ticks()).isGreaterThan(5);
        // every tick failed, plus Start and the final Stop
        assertThat(stats.sendFailures()).isEqualTo(stats.ticks() + 2);
    }

    @Test
    void closedClockCannotRestartAndClosingTwiceIsHarmless() {
        MidiClock clock = new MidiClock(new CollectingReceiver(), 120);
        clock.close();
        clock.close();
        assertThatThrownBy(clock::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MidiClock(new CollectingReceiver(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setBpm(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double medianGap(List<Long> times) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        gaps.sort(Long::compare);
        return gaps.get(gaps.size() / 2);
    }
}
