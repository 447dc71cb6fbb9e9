package org.submodeluq.surrogate.conditional;

import java.util.Arrays;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * What the case gives for free about the load, used wherever the generator is conditioned on it: traces
 * are exactly proportional to the amplitude, and a duration moves them by an exact convolution ({@link
 * PulseConvolution}). Traces are regressed in a normalised space (unit amplitude, the pulse of a
 * reference duration) and mapped back exactly; the regression is left with the inputs that act
 * nonlinearly (the centre, the modulus field).
 *
 * @param amplitude whether traces are divided by the amplitude
 * @param duration whether traces are moved to the reference duration
 * @param referenceDuration the duration of the normalised space (the training runs' median)
 * @param convolution the case's time grid as an operator
 */
public record LoadStructure(boolean amplitude, boolean duration, double referenceDuration,
                            PulseConvolution convolution) {

    /** Position of the amplitude in a row of inputs. */
    public static final int AMPLITUDE = 0;
    /** Position of the duration in a row of inputs. */
    public static final int DURATION = 1;

    /**
     * The structure a generator conditioned this way can use. The duration is used only when every
     * duration the case can draw outlasts the first time step (else the pulse cannot be divided out).
     *
     * @param inputs the training runs' inputs
     */
    public static LoadStructure of(Conditioning conditioning, CaseSpec spec, double[][] inputs) {
        PulseConvolution convolution = new PulseConvolution(spec.time());
        boolean duration = conditioning.has("duration") && convolution.invertible(spec.load().duration().lowerBound());
        double[] durations = Arrays.stream(inputs).mapToDouble(row -> row[DURATION]).sorted().toArray();
        double reference = durations[durations.length / 2];
        return new LoadStructure(conditioning.has("amplitude"), duration, duration ? reference : Double.NaN,
                convolution);
    }

    /** Whether the input at {@code position} is handled exactly here, so that no regression needs to see it. */
    public boolean exact(int position) {
        return position == AMPLITUDE && amplitude || position == DURATION && duration;
    }

    /** The traces of a run with these inputs, in the normalised space. */
    public double[] normalise(double[] inputs, double[] traces) {
        double[] unit = unitAmplitude(inputs, traces);
        return duration ? convolution.apply(convolution.kernel(inputs[DURATION], referenceDuration), unit) : unit;
    }

    /** The inverse of {@link #normalise}: traces in the normalised space to those of a run with these inputs. */
    public double[] restore(double[] inputs, double[] normalised) {
        double[] unit = duration
                ? convolution.apply(convolution.kernel(referenceDuration, inputs[DURATION]), normalised)
                : normalised.clone();
        double scale = scale(inputs);
        for (int j = 0; j < unit.length; j++) {
            unit[j] *= scale;
        }
        return unit;
    }

    /** Traces divided by the amplitude when it is factored out, else as they are. */
    public double[] unitAmplitude(double[] inputs, double[] traces) {
        double scale = scale(inputs);
        double[] unit = new double[traces.length];
        for (int j = 0; j < unit.length; j++) {
            unit[j] = traces[j] / scale;
        }
        return unit;
    }

    /** The factor traces scale with: the amplitude when it is factored out, else 1. */
    public double scale(double[] inputs) {
        return amplitude ? inputs[AMPLITUDE] : 1;
    }

    /** The structure as three numbers, for a model file: amplitude and duration flags (1 or 0), reference duration. */
    public double[] toArray() {
        return new double[] {amplitude ? 1 : 0, duration ? 1 : 0, referenceDuration};
    }

    /** The inverse of {@link #toArray()}, on the time grid of {@code spec}. */
    public static LoadStructure fromArray(double[] values, CaseSpec spec) {
        return new LoadStructure(values[0] != 0, values[1] != 0, values[2], new PulseConvolution(spec.time()));
    }
}
