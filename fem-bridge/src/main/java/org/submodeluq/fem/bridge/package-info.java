/** The bridge to FEniCS: a pool of Python worker processes driven through Py4J, each serving one full model. */
package org.submodeluq.fem.bridge;
