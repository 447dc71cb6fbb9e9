/** HDF5 files of the finite element side: written atomically, self-describing, readable by h5py. */
package org.submodeluq.fem.io;
