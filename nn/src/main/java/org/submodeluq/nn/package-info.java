/**
 * Neural-network pieces on DJL's PyTorch engine that the boundary-condition generators and the
 * MatFormer models share: the offline runtime set-up, Adam/AdamW, the multilayer perceptron and its
 * cached constants. Kept apart from core so that the solver and the estimators never load libtorch.
 */
package org.submodeluq.nn;
