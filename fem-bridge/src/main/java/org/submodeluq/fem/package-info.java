/** The finite element side of submodel-uq: cases, meshes, solvers, models and their files. */
package org.submodeluq.fem;
