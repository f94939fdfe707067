/**
 * A 0-100 stress score from heart-rate elevation, HRV, pupil dilation rate and breathing rate,
 * banded as the fitness API reports it.
 *
 * <p>The score is a transparent weighted heuristic, not a validated clinical measure: the weights
 * (40 / 30 / 20 / 10) come from the product specification, and the anchor values that turn each
 * signal into points are documented choices (see {@code docs/training-science.md}). During exercise
 * it mostly measures effort, and the result says so.
 */
package com.clisonix.edge.analysis.stress;
