package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.music.tempo.MusicStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

class GrooveGeneratorTest {

    private static final double[] TEMPI = {92, 118, 128, 140, 158};

    @Test
    void sameSeedGivesTheSameMusic() {
        for (MusicStyle style : MusicStyle.values()) {
            GrooveGenerator a = new GrooveGenerator(42);
            GrooveGenerator b = new GrooveGenerator(42);
            for (int i = 0; i < 16; i++) {
                assertThat(b.nextBar(style, 128)).isEqualTo(a.nextBar(style, 128));
            }
        }
    }

    @Test
    void differentSeedsVaryTheMusic() {
        for (MusicStyle style : MusicStyle.values()) {
            GrooveGenerator a = new GrooveGenerator(1);
            GrooveGenerator b = new GrooveGenerator(2);
            boolean differs = false;
            for (int i = 0; i < 16; i++) {
                differs |= !a.nextBar(style, 128).events().equals(b.nextBar(style, 128).events());
            }
            assertThat(differs).as(style.name()).isTrue();
        }
    }

    @Test
    void aBarDependsOnItsIndexNotOnHistory() {
        GrooveGenerator stream = new GrooveGenerator(99);
        GrooveBar fifth = null;
        for (int i = 0; i <= 5; i++) {
            // the earlier bars are in other styles and tempi
            fifth = stream.nextBar(i < 5 ? MusicStyle.ROCK : MusicStyle.HOUSE, i < 5 ? 150 : 124);
        }
        assertThat(new GrooveGenerator(99).bar(5, MusicStyle.HOUSE, 124)).isEqualTo(fifth);
        assertThat(stream.nextIndex()).isEqualTo(6);
    }

    @Test
    void everyBarIsSelfContainedAndOnTheGrid() {
        for (MusicStyle style : MusicStyle.values()) {
            for (double bpm : TEMPI) {
                GrooveGenerator generator = new GrooveGenerator(2024);
                for (int i = 0; i < 32; i++) {
                    assertWellFormed(generator.nextBar(style, bpm));
                }
            }
        }
    }

    @Test
    void drumsBassAndChordsSitOnTheirChannels() {
        for (MusicStyle style : MusicStyle.values()) {
            GrooveBar bar = new GrooveGenerator(5).bar(0, style, 128);
            Map<Integer, Integer> notesPerChannel = new HashMap<>();
            for (BarEvent event : bar.noteOns()) {
                notesPerChannel.merge(event.channel(), 1, Integer::sum);
                if (event.channel() == 9) {
                    // GM Level 1 percussion keys run from 35 to 81
                    assertThat(event.data1()).isBetween(35, 81);
                }
            }
            // drums on channel index 9 ("channel 10"), bass 1, chords 2, nothing else
            assertThat(notesPerChannel.keySet()).as(style.name()).containsExactlyInAnyOrder(9, 1, 2);
            assertThat(bar.events().subList(0, 2)).extracting(BarEvent::command)
                    .containsOnly(ShortMessage.PROGRAM_CHANGE);
            assertThat(bar.events().subList(0, 2)).extracting(BarEvent::channel).containsExactly(1, 2);
        }
    }

    @Test
    void everyBarStartsWithAKickOnTheBarLine() {
        for (MusicStyle style : MusicStyle.values()) {
            GrooveGenerator generator = new GrooveGenerator(17);
            for (int i = 0; i < 12; i++) {
                GrooveBar bar = generator.nextBar(style, 120);
                assertThat(bar.noteOns()).as("%s bar %d", style, i)
                        .anyMatch(e -> e.tick() == 0 && e.channel() == 9 && e.data1() == 36);
            }
        }
    }

    @Test
    void stylesSoundDifferent() {
        GrooveGenerator generator = new GrooveGenerator(3);
        int houseKicks = count(generator.bar(0, MusicStyle.HOUSE, 128), 36);
        int rockSnares = count(generator.bar(0, MusicStyle.ROCK, 128), 38);
        assertThat(houseKicks).isEqualTo(4);
        assertThat(rockSnares).isGreaterThanOrEqualTo(2);
        // swung style: off-beat hats two thirds into the beat
        assertThat(generator.bar(0, MusicStyle.HIP_HOP, 90).noteOns())
                .anyMatch(e -> e.data1() == 42 && e.tick() % 480 == 320);
        // ambient: the pad holds the whole bar
        GrooveBar ambient = generator.bar(0, MusicStyle.AMBIENT, 95);
        assertThat(ambient.events()).anyMatch(e -> e.channel() == 2 && e.isNoteOff() && e.tick() == 1919);
        assertThat(count(ambient, 36)).isEqualTo(1);
    }

    @Test
    void fasterHouseGetsBusierHats() {
        GrooveGenerator generator = new GrooveGenerator(8);
        int slow = 0;
        int fast = 0;
        for (int i = 0; i < 8; i++) {
            slow += count(generator.bar(i, MusicStyle.HOUSE, 110), 42);
            fast += count(generator.bar(i, MusicStyle.HOUSE, 130), 42);
        }
        assertThat(slow).isLessThanOrEqualTo(8 * 4);
        assertThat(fast).isGreaterThan(slow);
    }

    @Test
    void eventOffsetsFollowTheBarsTempo() {
        GrooveBar bar = new GrooveGenerator(4).bar(0, MusicStyle.HOUSE, 128);
        // midi.md §1: 468750 µs per quarter at 128 bpm; beat 2 starts 480 ticks in
        BarEvent clap = bar.noteOns().stream().filter(e -> e.data1() == 39).findFirst().orElseThrow();
        assertThat(clap.tick()).isEqualTo(480);
        assertThat(bar.offsetMicros(clap)).isEqualTo(468_750L);
        assertThat(bar.durationMicros()).isEqualTo(4 * 468_750L);
        assertThat(bar.toMidiEvents(1920)).hasSameSizeAs(bar.events())
                .allMatch(e -> e.getTick() >= 1920 && e.getTick() < 3840);
    }

    @Test
    void rejectsNonsenseArguments() {
        GrooveGenerator generator = new GrooveGenerator(1);
        assertThatThrownBy(() -> generator.bar(-1, MusicStyle.HOUSE, 120)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.bar(0, MusicStyle.HOUSE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Ticks inside the bar, note-ons on the 40-tick grid, every note closed inside the bar. */
    static void assertWellFormed(GrooveBar bar) {
        List<BarEvent> events = bar.events();
        Map<Long, Integer> sounding = new HashMap<>();
        int previousTick = 0;
        for (BarEvent event : events) {
            assertThat(event.tick()).isBetween(0, GrooveGenerator.TICKS_PER_BAR - 1);
            assertThat(event.tick()).isGreaterThanOrEqualTo(previousTick);
            previousTick = event.tick();
            long key = event.channel() * 1000L + event.data1();
            if (event.isNoteOn()) {
                assertThat(event.tick() % GrooveGenerator.GRID_TICKS).as("grid %s", event).isZero();
                assertThat(sounding.getOrDefault(key, 0)).as("overlapping %s in %s", event, bar.style()).isZero();
                sounding.put(key, 1);
            } else if (event.isNoteOff()) {
                assertThat(sounding.getOrDefault(key, 0)).as("stray off %s", event).isEqualTo(1);
                sounding.put(key, 0);
            }
        }
        assertThat(sounding.values()).as("notes left hanging in %s bar %d", bar.style(), bar.index()).allMatch(v -> v == 0);
    }

    private static int count(GrooveBar bar, int drumKey) {
        return (int) bar.noteOns().stream().filter(e -> e.channel() == 9 && e.data1() == drumKey).count();
    }
}
