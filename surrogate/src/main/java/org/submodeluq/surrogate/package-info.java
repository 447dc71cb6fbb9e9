/** Generators of boundary-condition time series for the zone of interest (empirical, PCA + Gaussian, WGAN-GP). */
package org.submodeluq.surrogate;
