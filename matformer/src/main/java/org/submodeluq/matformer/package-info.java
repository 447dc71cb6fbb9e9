/** Nested (MatFormer) transformer language models, Mix'n'Match extraction and speculative decoding. */
package org.submodeluq.matformer;
