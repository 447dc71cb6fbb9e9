/** The WGAN-GP generator on DJL: the gradient penalty, the training loop, its options and checkpoints. */
package org.submodeluq.surrogate.gan;
