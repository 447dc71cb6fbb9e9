/** The {@code submodel-uq bench} suite: its plan, the measurements with their detailed tables, and the summary. */
package org.submodeluq.cases.bench;
