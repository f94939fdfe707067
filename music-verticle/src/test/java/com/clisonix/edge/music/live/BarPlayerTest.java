package com.clisonix.edge.music.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.music.midi.BarEvent;
import com.clisonix.edge.music.midi.GrooveBar;
import com.clisonix.edge.music.midi.GrooveGenerator;
import com.clisonix.edge.music.tempo.MusicStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

/**
 * Order and never-early timing of the real-time player. How late events leave under load is a
 * property of the machine, so it is reported, not asserted, like the clock's jitter.
 */
class BarPlayerTest {

    record Sent(int status, int data1, int data2, long nanos) {
    }

    static final class Collecting implements Receiver {
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(MidiMessage message, long timeStamp) {
            ShortMessage m = (ShortMessage) message;
            sent.add(new Sent(m.getStatus(), m.getData1(), m.getData2(), System.nanoTime()));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void playsEveryEventOfConsecutiveBarsInOrderNeverBeforeItsTime() throws Exception {
        GrooveGenerator gen = new GrooveGenerator(3);
        GrooveBar first = gen.nextBar(MusicStyle.HOUSE, 240);
        GrooveBar second = gen.nextBar(MusicStyle.ROCK, 233);
        Collecting out = new Collecting();
        List<String> told = new CopyOnWriteArrayList<>();
        BarPlayer player = new BarPlayer(out, new BarPlayer.Listener() {
            @Override
            public void barStarted(GrooveBar bar) {
                told.add("bar " + bar.index() + " at " + System.nanoTime());
            }

            @Override
            public void beat(GrooveBar bar, int beatInBar) {
                told.add("beat " + bar.index() + "." + beatInBar + " at " + System.nanoTime());
            }
        });
        long start = System.nanoTime() + 100_000_000L;
        BarTimeline timeline = new BarTimeline(start, 0, java.time.Instant.EPOCH);
        long firstStart = timeline.place(first);
        long secondStart = timeline.place(second);
        player.schedule(first, firstStart);
        player.schedule(second, secondStart);
        Thread.sleep((timeline.nextStartNanos() - System.nanoTime()) / 1_000_000 + 300);
        player.close();

        List<Sent> expected = new ArrayList<>();
        for (GrooveBar bar : List.of(first, second)) {
            long barStart = bar == first ? firstStart : secondStart;
            for (BarEvent e : bar.events()) {
                expected.add(new Sent(e.toShortMessage().getStatus(), e.data1(), e.data2(), barStart + bar.offsetMicros(e) * 1000));
            }
        }
        List<Sent> played = out.sent.subList(0, expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Sent want = expected.get(i);
            Sent got = played.get(i);
            assertThat(List.of(got.status(), got.data1(), got.data2())).as("event %d", i)
                    .isEqualTo(List.of(want.status(), want.data1(), want.data2()));
            assertThat(got.nanos()).as("event %d is never early", i).isGreaterThanOrEqualTo(want.nanos());
        }
        // close silences the three channels: All Notes Off
        assertThat(out.sent.subList(expected.size(), out.sent.size())).extracting(Sent::data1).containsExactly(123, 123, 123);
        assertThat(player.barsPlayed()).isEqualTo(2);
        assertThat(player.eventsSent()).isEqualTo(expected.size());
        assertThat(player.sendFailures()).isZero();
        assertThat(told.stream().map(s -> s.substring(0, s.indexOf(" at "))).toList()).containsExactly(
                "bar 0", "beat 0.0", "beat 0.1", "beat 0.2", "beat 0.3",
                "bar 1", "beat 1.0", "beat 1.1", "beat 1.2", "beat 1.3");
        long beatOfSecond = Long.parseLong(told.get(6).substring(told.get(6).indexOf(" at ") + 4));
        assertThat(beatOfSecond).as("bar 1 starts on its bar line").isGreaterThanOrEqualTo(secondStart);
        System.out.println("bar player: " + player.eventsSent() + " events, latest " + player.maxLatenessMicros() + " µs late");
    }

    @Test
    void aThrowingReceiverIsCountedAndTheMusicGoesOn() throws Exception {
        Receiver broken = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                throw new IllegalStateException("unplugged");
            }

            @Override
            public void close() {
            }
        };
        List<Integer> beats = new CopyOnWriteArrayList<>();
        BarPlayer player = new BarPlayer(broken, new BarPlayer.Listener() {
            @Override
            public void beat(GrooveBar bar, int beatInBar) {
                beats.add(beatInBar);
            }
        });
        GrooveBar bar = new GrooveGenerator(1).nextBar(MusicStyle.AMBIENT, 240);
        player.schedule(bar, System.nanoTime());
        Thread.sleep(1300);
        player.close();
        assertThat(beats).containsExactly(0, 1, 2, 3);
        assertThat(player.sendFailures()).isEqualTo(bar.events().size() + 3);
        assertThatThrownBy(() -> player.schedule(bar, System.nanoTime())).isInstanceOf(IllegalStateException.class);
    }
}
