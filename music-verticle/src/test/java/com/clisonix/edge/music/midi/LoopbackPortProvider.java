package com.clisonix.edge.music.midi;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/**
 * A MIDI output port that the JDK's {@code MidiSystem} lists like a USB interface (registered
 * through {@code META-INF/services}), so the device-by-name path runs exactly as with hardware: the
 * lookup, open, receiver, close. What reaches the port is kept with its arrival time. No real
 * interface exists on a test machine; this is the one part of the chain a test cannot reach.
 */
public final class LoopbackPortProvider extends MidiDeviceProvider {

    public static final String NAME = "Clisonix Loopback Port";

    private static final MidiDevice.Info INFO = new MidiDevice.Info(NAME, "Clisonix", "test output port", "1") {
    };
    private static final LoopbackPort PORT = new LoopbackPort();

    /** The port, as the provider hands it out. */
    public static LoopbackPort port() {
        return PORT;
    }

    @Override
    public MidiDevice.Info[] getDeviceInfo() {
        return new MidiDevice.Info[] {INFO};
    }

    @Override
    public MidiDevice getDevice(MidiDevice.Info info) {
        if (!INFO.equals(info)) {
            throw new IllegalArgumentException("not this provider's device: " + info);
        }
        return PORT;
    }

    /** A message as it arrived: its bytes and {@link System#nanoTime()}. */
    public record Arrival(byte[] bytes, long nanos) {
        public int status() {
            return bytes[0] & 0xFF;
        }
    }

    /** The output port: open/close like a device, keeps what it receives. */
    public static final class LoopbackPort implements MidiDevice {
        private final List<Arrival> arrivals = new ArrayList<>();
        private boolean open;
        private int opens;

        @Override
        public MidiDevice.Info getDeviceInfo() {
            return INFO;
        }

        @Override
        public synchronized void open() throws MidiUnavailableException {
            open = true;
            opens++;
        }

        @Override
        public synchronized void close() {
            open = false;
        }

        @Override
        public synchronized boolean isOpen() {
            return open;
        }

        public synchronized int opens() {
            return opens;
        }

        @Override
        public long getMicrosecondPosition() {
            return -1;
        }

        @Override
        public int getMaxReceivers() {
            return -1;
        }

        @Override
        public int getMaxTransmitters() {
            return 0;
        }

        @Override
        public Receiver getReceiver() throws MidiUnavailableException {
            return new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    long now = System.nanoTime();
                    synchronized (LoopbackPort.this) {
                        if (!open) {
                            throw new IllegalStateException("port closed");
                        }
                        arrivals.add(new Arrival(message.getMessage().clone(), now));
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public List<Receiver> getReceivers() {
            return List.of();
        }

        @Override
        public Transmitter getTransmitter() throws MidiUnavailableException {
            throw new MidiUnavailableException("an output port has no transmitter");
        }

        @Override
        public List<Transmitter> getTransmitters() {
            return List.of();
        }

        /** What arrived so far, and forgets it. */
        public synchronized List<Arrival> drain() {
            List<Arrival> out = List.copyOf(arrivals);
            arrivals.clear();
            return out;
        }
    }
}
