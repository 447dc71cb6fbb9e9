/** Training sets: campaigns of full runs, resumable through a checkpoint, written as one HDF5 file. */
package org.submodeluq.fem.training;
