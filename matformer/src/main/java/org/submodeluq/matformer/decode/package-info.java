/**
 * Autoregressive decoding of a model or one of its configurations, greedy or sampled, with or without
 * the KV cache, and greedy speculative decoding in which a small configuration drafts for the largest;
 * its output is exactly the largest's greedy output, only sooner.
 */
package org.submodeluq.matformer.decode;
