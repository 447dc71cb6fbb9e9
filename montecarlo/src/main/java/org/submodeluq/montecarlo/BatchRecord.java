package org.submodeluq.montecarlo;

import java.util.Arrays;
import org.submodeluq.fem.model.QuantitiesOfInterest;

/**
 * A finished batch as one checkpoint record: the quantities of its samples, row after row, padded
 * with NaN to the full batch size, then the thread-seconds the batch took.
 */
final class BatchRecord {

    private static final int QUANTITIES = QuantitiesOfInterest.NAMES.size();

    private BatchRecord() {
    }

    static int length(int batchSize) {
        return batchSize * QUANTITIES + 1;
    }

    static double[] pack(double[][] quantities, int batchSize, double seconds) {
        double[] record = new double[length(batchSize)];
        Arrays.fill(record, Double.NaN);
        for (int i = 0; i < quantities.length; i++) {
            System.arraycopy(quantities[i], 0, record, i * QUANTITIES, QUANTITIES);
        }
        record[record.length - 1] = seconds;
        return record;
    }

    /** The first {@code samples} rows of quantities. */
    static double[][] quantities(double[] record, int samples) {
        double[][] rows = new double[samples][];
        for (int i = 0; i < samples; i++) {
            rows[i] = Arrays.copyOfRange(record, i * QUANTITIES, (i + 1) * QUANTITIES);
        }
        return rows;
    }

    static double seconds(double[] record) {
        return record[record.length - 1];
    }
}
