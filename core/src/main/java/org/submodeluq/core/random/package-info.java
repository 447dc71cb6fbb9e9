/**
 * Keyed random streams: a draw named by a key and an index, so that results that use them (sampled
 * inputs, splits, generator training and sampling, Monte Carlo) do not depend on thread counts, batch
 * sizes or resumes.
 */
package org.submodeluq.core.random;
