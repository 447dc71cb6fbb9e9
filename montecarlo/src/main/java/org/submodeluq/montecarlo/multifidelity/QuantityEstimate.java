package org.submodeluq.montecarlo.multifidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.montecarlo.estimate.Interval;
import org.submodeluq.montecarlo.estimate.Proportions;
import org.submodeluq.montecarlo.estimate.Quantiles;

/**
 * One quantity's multifidelity answer beside the two it improves on: plain Monte Carlo on the full runs
 * alone (unbiased, wide) and each surrogate's cheap samples alone (narrow, biased by the surrogate's error,
 * which their interval does not show). Both for the mean and for the probability of exceeding a threshold,
 * the paired full runs' 90th percentile, so that the tail is judged where a designer looks.
 *
 * @param quantity the quantity's name
 * @param pairs the paired full runs
 * @param cheapSizes each surrogate's cheap samples
 * @param mean the control-variate mean
 * @param fullRunsMean the full runs' plain mean
 * @param surrogateMeans each surrogate's uncorrected mean of its cheap samples
 * @param threshold the threshold t of the exceedance probability
 * @param exceedance the control-variate estimate of P(Q > t); its interval is on the log-odds scale
 * @param exceedanceInterval that interval
 * @param fullRunsExceedance the full runs' share above t
 * @param fullRunsExceedanceInterval its Wilson interval
 */
public record QuantityEstimate(String quantity, int pairs, int[] cheapSizes, ControlVariateEstimate mean,
        PlainEstimate fullRunsMean, List<PlainEstimate> surrogateMeans, double threshold,
        ControlVariateEstimate exceedance, Interval exceedanceInterval, double fullRunsExceedance,
        Interval fullRunsExceedanceInterval) {

    /** The probability whose full-run quantile is the exceedance threshold. */
    public static final double THRESHOLD_PROBABILITY = 0.9;

    public QuantityEstimate {
        cheapSizes = cheapSizes.clone();
        surrogateMeans = List.copyOf(surrogateMeans);
    }

    /** Estimates everything from one quantity's paired sample. */
    public static QuantityEstimate of(String quantity, PairedSample sample, double level) {
        double[] y = sample.fullRuns();
        double threshold = Quantiles.exact(y, THRESHOLD_PROBABILITY);
        ExceedanceCurve curve = ExceedanceCurve.of(sample, new double[] {threshold}, level);
        long above = Arrays.stream(y).filter(v -> v > threshold).count();
        int[] cheapSizes = new int[sample.surrogates()];
        List<PlainEstimate> surrogateMeans = new ArrayList<>();
        for (int k = 0; k < sample.surrogates(); k++) {
            cheapSizes[k] = sample.cheapSize(k);
            surrogateMeans.add(ControlVariateMean.surrogateOnly(sample, k, level));
        }
        return new QuantityEstimate(quantity, sample.pairs(), cheapSizes, ControlVariateMean.of(sample, level),
                ControlVariateMean.fullRunsOnly(sample, level), surrogateMeans, threshold, curve.exceedance(0),
                curve.exceedanceInterval(0), (double) above / y.length,
                Proportions.wilson(above, y.length, level));
    }

    @Override
    public int[] cheapSizes() {
        return cheapSizes.clone();
    }

    /** How many times narrower the mean's interval is than the full runs' own: the square root of the variance reduction. */
    public double narrowing() {
        return fullRunsMean.interval().halfWidth() / mean.interval().halfWidth();
    }
}
