/**
 * Data for byte-level language models: text corpora split into training and held-out bytes, and random
 * and tiled windows of them. (The Markov sources whose entropy rate bounds the loss tests can reach are
 * test support, in this module's test jar.)
 */
package org.submodeluq.matformer.data;
