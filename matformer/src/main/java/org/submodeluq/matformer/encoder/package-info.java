/**
 * The elastic encoder (MatViT's claim on our data): a bidirectional MatFormer that embeds a run's
 * boundary traces, trained contrastively without labels, and retrieval of the nearest training runs
 * with any of its nested granularities, coarse then re-ranked.
 */
package org.submodeluq.matformer.encoder;
