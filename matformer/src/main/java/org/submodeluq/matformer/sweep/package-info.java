/**
 * The Mix'n'Match sweep: per-layer configurations of a trained MatFormer, never trained as such,
 * evaluated on held-out text beside the separately trained baselines, as a table and a plot of loss
 * against size.
 */
package org.submodeluq.matformer.sweep;
