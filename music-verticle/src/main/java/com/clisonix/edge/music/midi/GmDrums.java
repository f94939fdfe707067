package com.clisonix.edge.music.midi;

/** General MIDI percussion keys used by the grooves (GM Level 1 percussion map). */
final class GmDrums {
    static final int KICK = 36;
    static final int SNARE = 38;
    static final int CLAP = 39;
    static final int CLOSED_HAT = 42;
    static final int LOW_TOM = 45;
    static final int OPEN_HAT = 46;
    static final int MID_TOM = 47;
    static final int HIGH_TOM = 48;
    static final int CRASH = 49;
    static final int RIDE = 51;
    static final int SHAKER = 70;

    private GmDrums() {
    }
}
