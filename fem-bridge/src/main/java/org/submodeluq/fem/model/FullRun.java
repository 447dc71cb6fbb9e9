package org.submodeluq.fem.model;

/**
 * What one full-model run keeps: its inputs, the traces it imposes on the zone and the zone's
 * quantities of interest.
 */
public record FullRun(Theta theta, BoundaryTraces traces, QuantitiesOfInterest quantities) {
}
