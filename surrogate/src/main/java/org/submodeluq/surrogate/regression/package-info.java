/** Regression of boundary traces on a case's inputs: Gaussian processes, multi-output ridge and their folds. */
package org.submodeluq.surrogate.regression;
