package com.clisonix.edge.music.midi;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;

/** Keeps every status byte it receives with its arrival time. */
final class CollectingReceiver implements Receiver {

    record Received(int status, long nanos) {
    }

    private final List<Received> received = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        received.add(new Received(message.getStatus(), System.nanoTime()));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
