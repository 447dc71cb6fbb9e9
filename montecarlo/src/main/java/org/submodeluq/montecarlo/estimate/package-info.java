/**
 * The statistics of a Monte Carlo estimate of scalar quantities of interest: streaming moments,
 * confidence intervals of the mean and of exceedance probabilities, quantiles, convergence histories
 * and the rule that stops a campaign.
 */
package org.submodeluq.montecarlo.estimate;
