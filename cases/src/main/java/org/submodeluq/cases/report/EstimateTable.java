package org.submodeluq.cases.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.RunningMoments;

/**
 * Each quantity's Monte Carlo mean with its interval and standard deviation per generator, as the
 * Monte Carlo files' statistics hold them, under the reference runs' own mean and standard deviation.
 */
final class EstimateTable {

    /** HTML id of the table. */
    static final String ID = "mc-estimates";

    private EstimateTable() {
    }

    static Table of(RunContents run) {
        List<List<String>> rows = new ArrayList<>();
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            String quantity = QuantitiesOfInterest.NAMES.get(q);
            RunningMoments reference = RunningMoments.of(run.reference().quantities()[q]);
            rows.add(List.of(quantity, "reference (test split)", String.valueOf(reference.count()),
                    number(reference.mean()), "", number(Math.sqrt(reference.variance()))));
            for (CampaignResults campaign : run.campaigns()) {
                CampaignResults.Estimate estimate = campaign.estimates().get(q);
                rows.add(List.of(quantity, campaign.generator(), String.valueOf(estimate.n()), number(estimate.mean()),
                        "[" + number(estimate.meanInterval().lower()) + ", " + number(estimate.meanInterval().upper())
                                + "]", number(estimate.std())));
            }
        }
        return new Table(ID, List.of("quantity", "samples of", "n", "mean", "interval of the mean", "std"), rows);
    }

    /** Five significant digits: more than any interval here supports. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.5g", value);
    }
}
