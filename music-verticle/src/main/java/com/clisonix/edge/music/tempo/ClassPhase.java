package com.clisonix.edge.music.tempo;

/** Where the floor stands in a class, as the planner sees it for one bar. */
public enum ClassPhase {
    /** No class is running: open gym, tempo follows the mode alone. */
    OPEN_FLOOR,
    /** The first minutes after a class started: the tempo is capped by a rising ceiling. */
    WARM_UP,
    /** The main part of a class: tempo follows the mode. */
    MAIN,
    /** The class is ending: the tempo glides down and the style turns ambient. */
    COOL_DOWN
}
