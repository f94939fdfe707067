/**
 * Heart-rate science for the gym floor: maximum heart rate, zones, heart-rate reserve, energy
 * expenditure, effort points, training load and the per-athlete accumulator that ties them
 * together.
 *
 * <p>Everything here is plain Java with no framework dependency, so the session actors can own
 * the state and the formulas can be tested in isolation. Formulas, constants and the choices
 * made where the literature leaves room (unknown sex, heart rates below zone 1, sample gaps) are
 * described in {@code docs/training-science.md} at the repository root.
 */
package com.clisonix.edge.analysis.hr;
