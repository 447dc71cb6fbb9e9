/** Measurements behind {@code submodel-uq bench}, each with its detailed table, and the one summary table. */
package org.submodeluq.cases.bench;
