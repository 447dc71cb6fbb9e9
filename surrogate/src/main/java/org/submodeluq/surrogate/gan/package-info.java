/** The WGAN-GP generator on DJL: networks, the gradient penalty, Adam, the training loop and its checkpoints. */
package org.submodeluq.surrogate.gan;
