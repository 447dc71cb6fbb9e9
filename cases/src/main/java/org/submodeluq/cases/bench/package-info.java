/** Measurements behind {@code submodel-uq bench}: solver timings and campaign throughput. */
package org.submodeluq.cases.bench;
