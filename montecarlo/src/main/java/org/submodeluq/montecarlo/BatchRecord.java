package org.submodeluq.montecarlo;

import java.util.Arrays;
import org.submodeluq.fem.model.QuantitiesOfInterest;

/**
 * A finished batch as one checkpoint record: its sample count, the quantities of its samples row
 * after row (padded with NaN to the full batch size), then the thread-seconds the batch took. The
 * count lets a campaign resumed with another sample count tell a short last batch from a full one.
 */
final class BatchRecord {

    private static final int QUANTITIES = QuantitiesOfInterest.NAMES.size();

    private BatchRecord() {
    }

    static int length(int batchSize) {
        return 1 + batchSize * QUANTITIES + 1;
    }

    static double[] pack(double[][] quantities, int batchSize, double seconds) {
        double[] record = new double[length(batchSize)];
        Arrays.fill(record, Double.NaN);
        record[0] = quantities.length;
        for (int i = 0; i < quantities.length; i++) {
            System.arraycopy(quantities[i], 0, record, 1 + i * QUANTITIES, QUANTITIES);
        }
        record[record.length - 1] = seconds;
        return record;
    }

    static int count(double[] record) {
        return (int) record[0];
    }

    /** The rows of quantities. */
    static double[][] quantities(double[] record) {
        double[][] rows = new double[count(record)][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(record, 1 + i * QUANTITIES, 1 + (i + 1) * QUANTITIES);
        }
        return rows;
    }

    static double seconds(double[] record) {
        return record[record.length - 1];
    }
}
