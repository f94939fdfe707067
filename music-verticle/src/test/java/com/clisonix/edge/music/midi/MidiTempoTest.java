package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import javax.sound.midi.MetaMessage;
import org.junit.jupiter.api.Test;

class MidiTempoTest {

    @Test
    void setTempoVectorsFromTheReference() {
        // midi.md §1, tempo conversion table: bpm, µs per quarter, Set Tempo data bytes
        Object[][] vectors = {
            {90.0, 666667L, "0A2C2B"},
            {100.0, 600000L, "0927C0"},
            {120.0, 500000L, "07A120"},
            {128.0, 468750L, "07270E"},
            {140.0, 428571L, "068A1B"},
            {160.0, 375000L, "05B8D8"},
            {180.0, 333333L, "051615"},
        };
        for (Object[] vector : vectors) {
            double bpm = (Double) vector[0];
            long micros = (Long) vector[1];
            assertThat(MidiTempo.microsPerQuarter(bpm)).as("%s bpm", bpm).isEqualTo(micros);
            assertThat(hex(MidiTempo.tempoBytes(micros))).isEqualTo(vector[2]);
            assertThat(MidiTempo.microsOf(MidiTempo.tempoBytes(micros))).isEqualTo(micros);
            MetaMessage message = MidiTempo.tempoMessage(bpm);
            assertThat(message.getType()).isEqualTo(0x51);
            assertThat(hex(message.getData())).isEqualTo(vector[2]);
            // FF 51 03 tt tt tt on the wire
            assertThat(hex(message.getMessage())).isEqualTo("FF5103" + vector[2]);
        }
    }

    @Test
    void roundingMakesOneFortyReadBackSlightlyFast() {
        // midi.md §1: 428571 µs reads back as 140.00014 bpm
        assertThat(MidiTempo.bpmOf(428571)).isCloseTo(140.00014, within(1e-5));
    }

    @Test
    void refusesTempiThatCannotBeEncoded() {
        assertThatThrownBy(() -> MidiTempo.microsPerQuarter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MidiTempo.microsPerQuarter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        // 24 bits hold at most 16 777 215 µs, about 3.58 bpm
        assertThatThrownBy(() -> MidiTempo.microsPerQuarter(3.5)).isInstanceOf(IllegalArgumentException.class);
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }
}
