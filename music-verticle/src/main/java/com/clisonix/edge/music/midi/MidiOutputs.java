package com.clisonix.edge.music.midi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * Opens the configured MIDI output and lists what is available.
 *
 * <p>Device lookup: among devices that accept messages (sequencers excluded, they are players,
 * not outputs), an exact name (ignoring case) wins; otherwise exactly one device must contain the
 * requested text, or the result names every candidate. Failures are values ({@link OpenResult});
 * no exception escapes for a missing or busy device.
 *
 * <p>In a container without sound hardware the JDK synthesizer ("Gervill") is listed but cannot
 * open an audio line, so {@code synth} fails with {@link OutputError.Unavailable} there (midi.md
 * §2).
 */
public final class MidiOutputs {

    private MidiOutputs() {
    }

    /** Opens the output a configuration value names (see {@link OutputTarget#parse}). */
    public static OpenResult open(String configured) {
        return open(OutputTarget.parse(configured));
    }

    /** Opens an output. */
    public static OpenResult open(OutputTarget target) {
        Objects.requireNonNull(target, "target");
        if (target instanceof OutputTarget.None) {
            return new OpenResult.Opened(MidiOutput.discarding());
        }
        if (target instanceof OutputTarget.SoftwareSynth) {
            return openSynthesizer();
        }
        return openDevice(((OutputTarget.Device) target).nameContains());
    }

    /** Devices that can receive messages, in the order the system lists them. */
    public static List<MidiPortInfo> availableOutputs() {
        List<MidiPortInfo> outputs = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice device = deviceOrNull(info);
            if (device != null && isOutput(device)) {
                outputs.add(new MidiPortInfo(info.getName(), info.getVendor(), info.getDescription(),
                        device instanceof Synthesizer));
            }
        }
        return outputs;
    }

    private static OpenResult openSynthesizer() {
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            return new OpenResult.Failed(new OutputError.Unavailable("software synthesizer", reason(e)));
        }
        return openAndWrap(synthesizer);
    }

    private static OpenResult openDevice(String requested) {
        String wanted = requested.toLowerCase(Locale.ROOT);
        List<MidiDevice> matches = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice device = deviceOrNull(info);
            if (device == null || !isOutput(device)) {
                continue;
            }
            String name = info.getName();
            available.add(name);
            if (name.equalsIgnoreCase(requested.strip())) {
                return openAndWrap(device);
            }
            if (name.toLowerCase(Locale.ROOT).contains(wanted.strip())) {
                matches.add(device);
            }
        }
        if (matches.isEmpty()) {
            return new OpenResult.Failed(new OutputError.NotFound(requested, available));
        }
        if (matches.size() > 1) {
            List<String> names = matches.stream().map(d -> d.getDeviceInfo().getName()).toList();
            return new OpenResult.Failed(new OutputError.Ambiguous(requested, names));
        }
        return openAndWrap(matches.get(0));
    }

    private static OpenResult openAndWrap(MidiDevice device) {
        String name = device.getDeviceInfo().getName();
        try {
            device.open();
            Receiver receiver = device.getReceiver();
            return new OpenResult.Opened(new MidiOutput(name, receiver, device));
        } catch (MidiUnavailableException | RuntimeException e) {
            if (device.isOpen()) {
                device.close();
            }
            return new OpenResult.Failed(new OutputError.Unavailable(name, reason(e)));
        }
    }

    private static boolean isOutput(MidiDevice device) {
        return !(device instanceof Sequencer) && device.getMaxReceivers() != 0;
    }

    private static MidiDevice deviceOrNull(MidiDevice.Info info) {
        try {
            return MidiSystem.getMidiDevice(info);
        } catch (MidiUnavailableException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
