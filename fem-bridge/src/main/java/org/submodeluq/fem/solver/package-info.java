/** Plane linear elastodynamics with P1 triangles and Newmark average-acceleration time stepping. */
package org.submodeluq.fem.solver;
