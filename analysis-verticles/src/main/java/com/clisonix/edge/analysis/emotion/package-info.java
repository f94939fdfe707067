/**
 * <b>Experimental</b> emotional-state labels from eye-tracking features (pupil size, dilation rate,
 * blink rate, gaze stability) and heart rate.
 *
 * <p>No validated model maps pupil or blink measurements to emotions or stress: the laboratory
 * evidence (pupil dilation with arousal, Bradley et al., Psychophysiology 2008) was obtained under
 * controlled lighting, and gym lighting and exertion confound every feature used here. The labels
 * are a transparent rule set over the qualitative descriptions of the product specification, meant
 * for experimentation, never for decisions about a person. See {@code docs/training-science.md}.
 */
package com.clisonix.edge.analysis.emotion;
