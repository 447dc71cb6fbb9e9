/** Training data for generators: a matrix of samples, its feature shape and its splits. */
package org.submodeluq.surrogate.data;
