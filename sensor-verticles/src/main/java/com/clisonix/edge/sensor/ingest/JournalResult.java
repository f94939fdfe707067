package com.clisonix.edge.sensor.ingest;

/** The journal's answer: committed, and whether the message was new or a repeat it had stored before. */
public record JournalResult(boolean duplicate, int stored) {}
