/** Triangle meshes of the plate and of its zone of interest, and the node sets the models need. */
package org.submodeluq.fem.mesh;
