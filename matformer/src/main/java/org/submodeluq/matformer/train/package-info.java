/**
 * Training nested models: the joint (or sampled) granularity recipe with its options and resumable
 * checkpoints, the losses it reports, and the study {@code matformer train} runs (a MatFormer beside
 * separately trained baselines) with the provenance that lets later commands evaluate on held-out text.
 */
package org.submodeluq.matformer.train;
