/**
 * Multifidelity Monte Carlo: the mean, exceedance probabilities and quantiles of a quantity of interest
 * from a few expensive full runs, each paired with a surrogate's value at the same inputs, corrected by
 * many cheap surrogate evaluations at fresh, independent inputs (control variates), and the MFMC rule
 * for how many of each to buy.
 */
package org.submodeluq.montecarlo.multifidelity;
