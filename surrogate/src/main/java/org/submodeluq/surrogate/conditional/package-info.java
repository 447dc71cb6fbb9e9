/**
 * Generators conditioned on the case's inputs: which inputs condition them ({@link
 * org.submodeluq.surrogate.conditional.Conditioning}), how inputs are drawn for them, the load's exact
 * structure (linear in the amplitude, a causal convolution with the pulse), and the mean map plus residual.
 */
package org.submodeluq.surrogate.conditional;
