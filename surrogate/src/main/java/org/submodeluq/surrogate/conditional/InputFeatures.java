package org.submodeluq.surrogate.conditional;

import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;

/**
 * The inputs a regression reads, standardised by the training runs' mean and standard deviation, so
 * that one starting length scale and one ridge penalty suit them all.
 *
 * @param positions the inputs read, as positions in a row of all inputs
 * @param mean their training mean
 * @param spread their training standard deviation (1 where they do not vary)
 */
public record InputFeatures(int[] positions, double[] mean, double[] spread) {

    /** Standardisation of {@code positions} fitted on {@code inputs}. */
    public static InputFeatures fit(double[][] inputs, int[] positions) {
        int n = inputs.length;
        double[] mean = new double[positions.length];
        double[] spread = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            for (double[] row : inputs) {
                mean[k] += row[positions[k]] / n;
            }
            for (double[] row : inputs) {
                double d = row[positions[k]] - mean[k];
                spread[k] += d * d / Math.max(1, n - 1);
            }
            spread[k] = spread[k] > 0 ? Math.sqrt(spread[k]) : 1;
        }
        return new InputFeatures(positions.clone(), mean, spread);
    }

    /** The standardised features of each row of inputs. */
    public double[][] apply(double[][] inputs) {
        double[][] features = new double[inputs.length][positions.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int k = 0; k < positions.length; k++) {
                features[i][k] = (inputs[i][positions[k]] - mean[k]) / spread[k];
            }
        }
        return features;
    }

    /**
     * Writes the standardisation into a group {@code name} of {@code parent}: datasets positions, mean and
     * spread; no group when no input is read (jhdf cannot write empty datasets).
     */
    public void write(WritableGroup parent, String name) {
        if (positions.length > 0) {
            WritableGroup group = parent.putGroup(name);
            group.putDataset("positions", positions);
            group.putDataset("mean", mean);
            group.putDataset("spread", spread);
        }
    }

    /** The standardisation {@link #write} wrote into {@code parent}. */
    public static InputFeatures read(Group parent, String name) {
        if (parent.getChild(name) == null) {
            return new InputFeatures(new int[0], new double[0], new double[0]);
        }
        Group group = (Group) parent.getChild(name);
        return new InputFeatures((int[]) group.getDatasetByPath("positions").getData(),
                (double[]) group.getDatasetByPath("mean").getData(),
                (double[]) group.getDatasetByPath("spread").getData());
    }
}
