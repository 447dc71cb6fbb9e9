package org.submodeluq.montecarlo;

import java.util.ArrayList;
import java.util.List;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.ConvergenceHistory;
import org.submodeluq.montecarlo.estimate.QoiSummary;

/**
 * What a Monte Carlo campaign found.
 *
 * @param samples n rows of quantities, in the order of {@link QuantitiesOfInterest#NAMES}, in sample order
 * @param summaries the statistics of each quantity
 * @param convergence each quantity's estimate and interval half-width against n
 * @param stopReason why the campaign stopped where it did
 * @param secondsPerSample thread-seconds per sample (generation, submodel and quantities)
 * @param wallSeconds wall time of this invocation
 * @param resumedSamples samples taken from a checkpoint instead of computed
 */
public record MonteCarloResult(double[][] samples, List<QoiSummary> summaries, List<ConvergenceHistory> convergence,
                               String stopReason, double secondsPerSample, double wallSeconds, long resumedSamples) {

    static MonteCarloResult of(CampaignSettings settings, double[][] samples, String stopReason,
                               double secondsPerSample, double wallSeconds, long resumedSamples) {
        List<QoiSummary> summaries = new ArrayList<>();
        List<ConvergenceHistory> convergence = new ArrayList<>();
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            double[] column = column(samples, q);
            String name = QuantitiesOfInterest.NAMES.get(q);
            summaries.add(QoiSummary.of(name, column, settings.summaryOf(name)));
            convergence.add(ConvergenceHistory.of(column, settings.summary().level()));
        }
        return new MonteCarloResult(samples, List.copyOf(summaries), List.copyOf(convergence), stopReason,
                secondsPerSample, wallSeconds, resumedSamples);
    }

    /** Column q of {@code rows}. */
    public static double[] column(double[][] rows, int q) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][q];
        }
        return column;
    }
}
