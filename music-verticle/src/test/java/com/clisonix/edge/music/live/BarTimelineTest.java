package com.clisonix.edge.music.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.music.midi.GrooveGenerator;
import com.clisonix.edge.music.tempo.MusicStyle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarTimelineTest {

    private static final Instant WALL = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void barsFollowEachOtherAtTheirOwnRoundedLength() {
        GrooveGenerator gen = new GrooveGenerator(1);
        BarTimeline t = new BarTimeline(1_000_000_000L, 0, WALL);
        assertThat(t.nextStartInstant()).isEqualTo(WALL.plusSeconds(1));
        // 120 bpm: 500 000 µs per quarter, 2 s per bar; 128 bpm: 468 750 µs, 1.875 s
        assertThat(t.place(gen.nextBar(MusicStyle.HOUSE, 120))).isEqualTo(1_000_000_000L);
        assertThat(t.place(gen.nextBar(MusicStyle.HOUSE, 128))).isEqualTo(3_000_000_000L);
        assertThat(t.nextStartNanos()).isEqualTo(4_875_000_000L);
        // 130 bpm: round(60e6 / 130) = 461 538 µs per quarter, as the file's Set Tempo has it
        t.place(gen.nextBar(MusicStyle.HOUSE, 130));
        assertThat(t.nextStartNanos()).isEqualTo(4_875_000_000L + 4 * 461_538_000L);
        assertThat(t.nextStartInstant()).isEqualTo(WALL.plusNanos(4_875_000_000L + 4 * 461_538_000L));
    }

    @Test
    void planningIsDueALeadBeforeTheBar() {
        BarTimeline t = new BarTimeline(10_000_000_000L, 0, WALL);
        assertThat(t.nanosUntilPlanning(9_000_000_000L, 400_000_000L)).isEqualTo(600_000_000L);
        assertThat(t.nanosUntilPlanning(9_700_000_000L, 400_000_000L)).isZero();
    }

    @Test
    void lostTimeIsSkippedNotHurriedThrough() {
        BarTimeline t = new BarTimeline(10_000_000_000L, 0, WALL);
        assertThat(t.resyncIfLate(9_000_000_000L, 200_000_000L)).isFalse();
        assertThat(t.nextStartNanos()).isEqualTo(10_000_000_000L);
        // the box stalled five seconds past the bar line
        assertThat(t.resyncIfLate(15_000_000_000L, 200_000_000L)).isTrue();
        assertThat(t.nextStartNanos()).isEqualTo(15_200_000_000L);
    }
}
