package org.submodeluq.surrogate.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.surrogate.conditional.InputFeatures;
import org.submodeluq.surrogate.conditional.LoadStructure;
import org.submodeluq.surrogate.regression.GaussianProcess;

/**
 * A run's quantities of interest predicted from its inputs. The problem is linear in the load, so each
 * quantity is exactly a^p h(other inputs), a the amplitude ({@link #AMPLITUDE_POWERS}); the amplitude is
 * divided out exactly and one Gaussian process per quantity regresses log h on the other inputs,
 * standardised as the mean map's ({@link InputFeatures}).
 *
 * <p>Measured on the default case (300 FEniCS runs fitted, 1600 held out): regressing the amplitude as an
 * input instead gave the strain energy a test correlation of 0.94, against 0.996; the log, against h
 * itself, cuts the strain energy's relative error by 6 % (9 % on 60 runs); a cross-validated ridge trend
 * under the Gaussian processes did not help on 60, 120 or 300 runs.
 */
public final class QuantityEmulator {

    /** p of each quantity, in {@link QuantitiesOfInterest#NAMES}' order: displacement and stress scale with a, energy with a^2. */
    public static final int[] AMPLITUDE_POWERS = {1, 1, 2};

    private final InputFeatures features;
    private final List<GaussianProcess> processes;

    private QuantityEmulator(InputFeatures features, List<GaussianProcess> processes) {
        this.features = features;
        this.processes = List.copyOf(processes);
    }

    /**
     * Fits on runs' inputs and quantities.
     *
     * @param inputs each run's inputs, n x d in {@code Theta.toArray()} order (amplitude first)
     * @param quantities each run's quantities, n x 3 in {@code QuantitiesOfInterest.toArray()} order, positive
     * @throws IllegalArgumentException when the shapes disagree, or a quantity or amplitude is not positive
     */
    public static QuantityEmulator fit(double[][] inputs, double[][] quantities) {
        if (inputs.length != quantities.length) {
            throw new IllegalArgumentException(inputs.length + " runs' inputs and " + quantities.length
                    + " runs' quantities: need as many of each");
        }
        int[] positions = IntStream.range(0, inputs[0].length).filter(p -> p != LoadStructure.AMPLITUDE).toArray();
        InputFeatures features = InputFeatures.fit(inputs, positions);
        double[][] x = features.apply(inputs);
        List<GaussianProcess> processes = new ArrayList<>();
        for (int q = 0; q < AMPLITUDE_POWERS.length; q++) {
            double[] logShape = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                if (quantities[i].length != AMPLITUDE_POWERS.length) {
                    throw new IllegalArgumentException("run " + i + " has " + quantities[i].length + " quantities, not "
                            + AMPLITUDE_POWERS.length);
                }
                double shape = quantities[i][q] / amplitudeFactor(inputs[i], q);
                if (!(shape > 0 && shape < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("run " + i + ": " + QuantitiesOfInterest.NAMES.get(q) + " "
                            + quantities[i][q] + " at amplitude " + inputs[i][LoadStructure.AMPLITUDE]
                            + " has no logarithm per unit amplitude: both must be positive");
                }
                logShape[i] = Math.log(shape);
            }
            processes.add(GaussianProcess.fit(x, logShape));
        }
        return new QuantityEmulator(features, processes);
    }

    /** The quantities, n x 3, of runs with these inputs. */
    public double[][] predict(double[][] inputs) {
        double[][] x = features.apply(inputs);
        double[][] predicted = new double[inputs.length][AMPLITUDE_POWERS.length];
        for (int q = 0; q < AMPLITUDE_POWERS.length; q++) {
            double[] logShape = processes.get(q).predict(x);
            for (int i = 0; i < inputs.length; i++) {
                predicted[i][q] = Math.exp(logShape[i]) * amplitudeFactor(inputs[i], q);
            }
        }
        return predicted;
    }

    /** a^p by products, so that doubling a multiplies it by exactly 2^p. */
    private static double amplitudeFactor(double[] inputs, int quantity) {
        double factor = 1;
        for (int k = 0; k < AMPLITUDE_POWERS[quantity]; k++) {
            factor *= inputs[LoadStructure.AMPLITUDE];
        }
        return factor;
    }
}
