package org.submodeluq.fem.model;

import java.util.List;

/**
 * What a run reports about the zone, each a peak over the time grid t_1 .. t_N.
 *
 * @param peakCentreDisplacement max_t |u(x_c, t)|, x_c the zone's centre
 * @param peakVonMises max_t max over the zone's cells of the von Mises stress (constant per P1 cell)
 * @param peakStrainEnergy max_t of the zone's strain energy, (1/2) int_zone sigma : epsilon
 */
public record QuantitiesOfInterest(double peakCentreDisplacement, double peakVonMises, double peakStrainEnergy) {

    /** Names, as in files and reports, in the order of {@link #toArray()}. */
    public static final List<String> NAMES = List.of("peak_centre_displacement", "peak_von_mises",
            "peak_strain_energy");

    public double[] toArray() {
        return new double[] {peakCentreDisplacement, peakVonMises, peakStrainEnergy};
    }
}
