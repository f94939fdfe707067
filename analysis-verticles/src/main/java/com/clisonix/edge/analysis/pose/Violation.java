package com.clisonix.edge.analysis.pose;

/**
 * One failed form check.
 *
 * @param issue  the fault
 * @param excess how far past the fault's limit the worst frame went, in degrees (0 for partial
 *               repetitions)
 */
public record Violation(FormIssue issue, double excess) {

    /** Points this violation takes off a 100-point repetition score. */
    public double penalty() {
        return issue.penalty(excess);
    }
}
