/**
 * Heart-rate variability from RR intervals: file parsing, artefact filtering, time-domain
 * metrics (RMSSD, SDNN, SDSD, NN50, pNN50, mean RR, mean HR), the Baevsky stress index and a
 * rolling live window.
 *
 * <p>HRV describes autonomic balance only in <b>resting</b> recordings. During exercise it mostly
 * follows intensity, so in-class values must not be presented as "stress". Definitions, the
 * artefact rule, the pNN50 denominator and the Baevsky histogram are described in
 * {@code docs/training-science.md}.
 */
package com.clisonix.edge.analysis.hrv;
