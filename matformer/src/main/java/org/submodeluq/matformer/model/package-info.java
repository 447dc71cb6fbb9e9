/**
 * The byte-level transformer and its nesting: a model held as named arrays so that one forward pass can
 * use any prefix of each layer's feed-forward neurons, the MatFormer granularities and Mix'n'Match
 * configurations over it, the KV cache, and the versioned HDF5 model file.
 */
package org.submodeluq.matformer.model;
