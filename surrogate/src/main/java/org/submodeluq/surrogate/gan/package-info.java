/**
 * The WGAN-GP generator on DJL, plain or conditioned on features: the gradient penalty, the training loop,
 * its options and checkpoints.
 */
package org.submodeluq.surrogate.gan;
