package org.submodeluq.surrogate.conditional;

import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.BoundaryConditionGenerator;

/**
 * A generator that reads the case's inputs. Sample i of a seed draws its noise from its own stream and
 * reads row i of the inputs it is given; used as a plain generator, it draws those inputs afresh from
 * its training case ({@link InputDraws}), so its samples follow the case's full distribution.
 */
public interface ConditionalGenerator extends BoundaryConditionGenerator {

    /** The inputs it reads. */
    Conditioning conditioning();

    /** The case it was trained on, whose inputs it reads. */
    CaseSpec trainedCase();

    /**
     * Samples {@code first .. first + n - 1} of {@code seed} for these inputs.
     *
     * @param inputs n rows of every input of the case ({@code Theta.toArray()} order); only the
     *     conditioned ones are read
     */
    double[][] sample(long seed, long first, int n, double[][] inputs);

    @Override
    default double[][] sample(long seed, long first, int n) {
        return new Scenario(this, trainedCase(), GivenInputs.NONE).sample(seed, first, n);
    }
}
