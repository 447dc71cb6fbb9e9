package org.submodeluq.montecarlo.compare;

import java.util.ArrayList;
import java.util.List;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;

/**
 * How well a conditional generator's traces stand for the full run at the same inputs, quantity by
 * quantity: the submodel under the generated traces against the full run. A distribution can match
 * while every pair is wrong; a multifidelity estimate gains only as much as these pairs correlate.
 *
 * @param candidate what made the traces, and on which runs ("mean-map, test split")
 * @param runs how many pairs
 * @param relativeRmsError per quantity, sqrt(mean((generated - full)^2)) / sqrt(mean(full^2))
 * @param correlation per quantity, Pearson's correlation of generated and full
 * @param meanBias per quantity, mean(generated - full) / mean(full)
 */
public record PerInputFidelity(String candidate, int runs, double[] relativeRmsError, double[] correlation,
                               double[] meanBias) {

    /**
     * Runs the submodel under each row of {@code traces} and compares with the full runs' quantities.
     *
     * @param traces one flattened trace per run
     * @param full the full runs' quantities, one row per run in the same order
     */
    public static PerInputFidelity of(String candidate, Submodel submodel, double[][] traces, double[][] full,
                                      int threads) {
        int nodes = submodel.mesh().cutNodeCount();
        int steps = submodel.mesh().spec().time().steps();
        List<BoundaryTraces> boundary = new ArrayList<>();
        for (double[] row : traces) {
            boundary.add(new BoundaryTraces(nodes, steps, row));
        }
        return compare(candidate, ExactReplay.quantities(submodel, boundary, threads), full);
    }

    /** Compares quantities pair by pair. */
    public static PerInputFidelity compare(String candidate, double[][] generated, double[][] full) {
        int count = QuantitiesOfInterest.NAMES.size();
        double[] error = new double[count];
        double[] correlation = new double[count];
        double[] bias = new double[count];
        int n = full.length;
        for (int q = 0; q < count; q++) {
            double meanG = 0;
            double meanF = 0;
            for (int i = 0; i < n; i++) {
                meanG += generated[i][q] / n;
                meanF += full[i][q] / n;
            }
            double squared = 0;
            double norm = 0;
            double covariance = 0;
            double varianceG = 0;
            double varianceF = 0;
            for (int i = 0; i < n; i++) {
                double d = generated[i][q] - full[i][q];
                squared += d * d;
                norm += full[i][q] * full[i][q];
                covariance += (generated[i][q] - meanG) * (full[i][q] - meanF);
                varianceG += (generated[i][q] - meanG) * (generated[i][q] - meanG);
                varianceF += (full[i][q] - meanF) * (full[i][q] - meanF);
            }
            error[q] = Math.sqrt(squared / norm);
            correlation[q] = covariance / Math.sqrt(varianceG * varianceF);
            bias[q] = (meanG - meanF) / meanF;
        }
        return new PerInputFidelity(candidate, n, error, correlation, bias);
    }
}
