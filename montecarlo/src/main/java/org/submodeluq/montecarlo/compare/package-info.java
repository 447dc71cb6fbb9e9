/**
 * How close each generator's Monte Carlo estimate comes to full runs held out from its training: every
 * metric with its bootstrap interval, beside two rows that set the scale, the noise floor (the held-out
 * runs' two halves against each other: what sampling alone gives) and the exact replay (their own
 * traces through the submodel: what the submodel alone adds). Written to HDF5 and printed as a table.
 */
package org.submodeluq.montecarlo.compare;
