package com.clisonix.edge.music.midi;

import java.util.Objects;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

/**
 * An open MIDI output: a receiver for notes and clock, and the device behind it (none for the
 * null output). Closing releases both.
 */
public final class MidiOutput implements AutoCloseable {

    private final String name;
    private final Receiver receiver;
    private final MidiDevice device;

    MidiOutput(String name, Receiver receiver, MidiDevice device) {
        this.name = Objects.requireNonNull(name, "name");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.device = device;
    }

    /** An output that accepts and discards every message. */
    static MidiOutput discarding() {
        return new MidiOutput("none", new DiscardingReceiver(), null);
    }

    /** Name of the device, or {@code none}. */
    public String name() {
        return name;
    }

    /** Where to send messages. */
    public Receiver receiver() {
        return receiver;
    }

    /** True when messages go nowhere. */
    public boolean isDiscarding() {
        return device == null;
    }

    @Override
    public void close() {
        receiver.close();
        if (device != null && device.isOpen()) {
            device.close();
        }
    }

    /** Counts and drops messages, so a silent box still exercises the whole music path. */
    static final class DiscardingReceiver implements Receiver {
        private long received;

        @Override
        public synchronized void send(MidiMessage message, long timeStamp) {
            received++;
        }

        synchronized long received() {
            return received;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
