package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

/**
 * The JDK always lists its software synthesizer "Gervill" (midi.md §2); whether it can open an
 * audio line depends on the machine, so those tests accept both typed outcomes and check that
 * the device is named either way.
 */
class MidiOutputsTest {

    @Test
    void noneDiscardsEverything() throws Exception {
        OpenResult result = MidiOutputs.open("none");
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        try (MidiOutput output = ((OpenResult.Opened) result).output()) {
            assertThat(output.isDiscarding()).isTrue();
            assertThat(output.name()).isEqualTo("none");
            output.receiver().send(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 100), -1);
            output.receiver().send(new ShortMessage(ShortMessage.TIMING_CLOCK), -1);
            assertThat(((MidiOutput.DiscardingReceiver) output.receiver()).received()).isEqualTo(2);
        }
    }

    @Test
    void configurationValuesParse() {
        assertThat(OutputTarget.parse(null)).isEqualTo(new OutputTarget.None());
        assertThat(OutputTarget.parse(" NONE ")).isEqualTo(new OutputTarget.None());
        assertThat(OutputTarget.parse("synth")).isEqualTo(new OutputTarget.SoftwareSynth());
        assertThat(OutputTarget.parse("device:USB MIDI Interface")).isEqualTo(new OutputTarget.Device("USB MIDI Interface"));
        assertThat(OutputTarget.parse("Launchpad")).isEqualTo(new OutputTarget.Device("Launchpad"));
    }

    @Test
    void unknownDeviceIsATypedErrorNamingIt() {
        OpenResult result = MidiOutputs.open(new OutputTarget.Device("Roland UM-ONE"));
        assertThat(result).isInstanceOf(OpenResult.Failed.class);
        OutputError error = ((OpenResult.Failed) result).error();
        assertThat(error).isInstanceOf(OutputError.NotFound.class);
        assertThat(error.message()).contains("Roland UM-ONE");
        assertThat(((OutputError.NotFound) error).available()).contains("Gervill");
    }

    @Test
    void listsReceiversButNotTheSequencer() {
        List<MidiPortInfo> outputs = MidiOutputs.availableOutputs();
        assertThat(outputs).anyMatch(p -> p.name().equals("Gervill") && p.synthesizer());
        assertThat(outputs).noneMatch(p -> p.name().equals("Real Time Sequencer"));
    }

    @Test
    void deviceNamesMatchAsCaseInsensitiveSubstrings() {
        OpenResult result = MidiOutputs.open("device:gERvi");
        assertNamesGervill(result);
    }

    @Test
    void softwareSynthOpensOrSaysWhyNot() {
        assertNamesGervill(MidiOutputs.open("synth"));
    }

    @Test
    void aDeviceIsFoundByPartOfItsNameOpenedAndReceivesWhatIsSent() throws Exception {
        assertThat(MidiOutputs.availableOutputs()).anyMatch(p -> p.name().equals(LoopbackPortProvider.NAME) && !p.synthesizer());
        LoopbackPortProvider.port().drain();
        OpenResult result = MidiOutputs.open("loopback port");
        assertThat(result).as("%s", result).isInstanceOf(OpenResult.Opened.class);
        try (MidiOutput output = ((OpenResult.Opened) result).output()) {
            assertThat(output.name()).isEqualTo(LoopbackPortProvider.NAME);
            assertThat(output.isDiscarding()).isFalse();
            assertThat(LoopbackPortProvider.port().isOpen()).isTrue();
            output.receiver().send(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 100), -1);
            output.receiver().send(new ShortMessage(ShortMessage.TIMING_CLOCK), -1);
        }
        assertThat(LoopbackPortProvider.port().isOpen()).as("closed with the output").isFalse();
        assertThat(LoopbackPortProvider.port().drain()).extracting(LoopbackPortProvider.Arrival::status)
            .containsExactly(0x99, 0xF8);
    }

    @Test
    void aNameMatchingSeveralDevicesIsRefusedNamingThem() {
        // "l" is in both "Gervill" and the loopback port
        OpenResult result = MidiOutputs.open("device:l");
        assertThat(result).isInstanceOf(OpenResult.Failed.class);
        OutputError error = ((OpenResult.Failed) result).error();
        assertThat(error).isInstanceOf(OutputError.Ambiguous.class);
        assertThat(error.message()).contains("Gervill").contains(LoopbackPortProvider.NAME);
    }

    private static void assertNamesGervill(OpenResult result) {
        if (result instanceof OpenResult.Opened opened) {
            try (MidiOutput output = opened.output()) {
                assertThat(output.name()).isEqualTo("Gervill");
                assertThat(output.isDiscarding()).isFalse();
            }
        } else {
            OutputError error = ((OpenResult.Failed) result).error();
            assertThat(error).isInstanceOf(OutputError.Unavailable.class);
            assertThat(((OutputError.Unavailable) error).device()).isEqualTo("Gervill");
            assertThat(error.message()).contains("Gervill");
        }
    }
}
