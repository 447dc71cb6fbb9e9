package org.submodeluq.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015) over a fixed list of parameters, updating them in place with the engine's
 * fused kernel ({@code m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)}, the bias corrections folded into the step),
 * optionally with decoupled weight decay ({@code w -= lr wd w}, AdamW, Loshchilov and Hutter 2019) and
 * the gradient scaled first (for clipping by global norm). The moments live here rather than in DJL's
 * optimizers so that a checkpoint can save and restore them exactly. Bias corrections use
 * {@code StrictMath}: {@code Math.pow} may round differently once the JIT compiles it, which made two
 * identical runs in one JVM drift apart.
 */
public final class Adam {

    private static final double EPSILON = 1e-8;

    private final List<NDArray> parameters;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final double beta1;
    private final double beta2;
    private long steps;

    public Adam(List<NDArray> parameters, double beta1, double beta2) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        for (NDArray parameter : parameters) {
            firstMoments.add(parameter.zerosLike());
            secondMoments.add(parameter.zerosLike());
        }
    }

    /** Sets every parameter's gradient to zero: gradients accumulate across backward passes. */
    public void zeroGradients() {
        for (NDArray parameter : parameters) {
            NDArray gradient = parameter.getGradient();
            gradient.subi(gradient);
        }
    }

    /** One update with the parameters' current gradients, by the kernel of the class documentation. */
    public void step(double learningRate) {
        step(learningRate, 0, 1);
    }

    /**
     * One AdamW update.
     *
     * @param weightDecay decoupled weight decay; 0 for plain Adam
     * @param gradientScale factor applied to every gradient first
     */
    public void step(double learningRate, double weightDecay, double gradientScale) {
        steps++;
        double correction1 = 1 - StrictMath.pow(beta1, steps);
        double correction2 = 1 - StrictMath.pow(beta2, steps);
        float corrected = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int p = 0; p < parameters.size(); p++) {
            NDArray weight = parameters.get(p);
            NDArray m = firstMoments.get(p);
            NDArray v = secondMoments.get(p);
            weight.getNDArrayInternal().adamUpdate(new NDList(weight, weight.getGradient(), m, v),
                    new NDList(weight), (float) learningRate, corrected, (float) weightDecay, (float) gradientScale,
                    -1f, (float) beta1, (float) beta2, (float) EPSILON, false, weightDecay > 0);
        }
    }

    public long steps() {
        return steps;
    }

    /** Moments, first then second, parameter by parameter, for a checkpoint. */
    public List<double[]> exportMoments() {
        List<double[]> moments = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            moments.add(firstMoments.get(p).toType(DataType.FLOAT64, false).toDoubleArray());
            moments.add(secondMoments.get(p).toType(DataType.FLOAT64, false).toDoubleArray());
        }
        return moments;
    }

    /** Restores moments and the step count saved by {@link #exportMoments}. */
    public void restore(List<double[]> moments, long stepCount) {
        for (int p = 0; p < parameters.size(); p++) {
            Mlp.set(firstMoments.get(p), moments.get(2 * p));
            Mlp.set(secondMoments.get(p), moments.get(2 * p + 1));
        }
        this.steps = stepCount;
    }
}
