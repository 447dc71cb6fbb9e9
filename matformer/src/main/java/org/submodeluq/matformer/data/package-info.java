/**
 * Data for byte-level language models: text corpora split into training and held-out bytes, random
 * and tiled windows of them, and Markov sources whose entropy rate bounds the attainable loss.
 */
package org.submodeluq.matformer.data;
