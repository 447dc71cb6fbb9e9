/** Linear reduction of samples: per-feature standardisation and principal components. */
package org.submodeluq.surrogate.reduction;
