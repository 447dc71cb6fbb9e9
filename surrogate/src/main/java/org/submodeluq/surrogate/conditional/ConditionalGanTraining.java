package org.submodeluq.surrogate.conditional;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.gan.ConditionedSamples;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpGenerator;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.gan.WganGpTrainer;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * Trains the conditional WGAN-GP on a training set's runs: traces divided by the amplitude when it is
 * conditioned, their principal components (standardised, as the unconditional WGAN-GP's), the other
 * conditioning inputs standardised as the network's condition features.
 */
public final class ConditionalGanTraining {

    /** The generator and what the trainer reports. */
    public record Result(ConditionalGanGenerator generator, WganGpTrainer.Result training) {
    }

    private ConditionalGanTraining() {
    }

    /**
     * @param trainInputs, validationInputs each run's inputs
     * @param train, validation each run's traces
     * @param energy, components how many principal components to keep, as {@link PcaReduction#fit}
     * @param directory where the trainer keeps its checkpoint and log
     */
    public static Result fit(Conditioning conditioning, CaseSpec spec, double[][] trainInputs, SampleMatrix train,
                             double[][] validationInputs, SampleMatrix validation, double energy, int components,
                             WganGpOptions options, Path directory, Device device, TrainingListener listener) {
        LoadStructure structure = new LoadStructure(conditioning.has("amplitude"), false, Double.NaN,
                new PulseConvolution(spec.time()));
        double[][] unitTrain = unit(structure, trainInputs, train.rows());
        double[][] unitValidation = unit(structure, validationInputs, validation.rows());
        PcaReduction reduction = PcaReduction.fit(new SampleMatrix(unitTrain, train.featureShape()), energy, components);
        int[] positions = Arrays.stream(conditioning.positions()).filter(p -> !structure.exact(p)).toArray();
        InputFeatures features = InputFeatures.fit(trainInputs, positions);
        listener.note(String.format("%d principal components of the traces%s; the network reads %d "
                        + "conditioning inputs", reduction.components(), structure.amplitude()
                        ? " divided by the amplitude (multiplied back exactly)" : "", positions.length));
        WganGpTrainer.Result result = new WganGpTrainer(options,
                new ConditionedSamples(reduction.encode(unitTrain), features.apply(trainInputs)),
                new ConditionedSamples(reduction.encode(unitValidation), features.apply(validationInputs)), directory,
                device, listener).train();
        WganGpGenerator network = new WganGpGenerator(reduction, train.featureShape(), result.widths(),
                result.conditionWidth(), result.parameters(), device);
        return new Result(new ConditionalGanGenerator(conditioning, spec, structure, features, reduction, network),
                result);
    }

    private static double[][] unit(LoadStructure structure, double[][] inputs, double[][] traces) {
        double[][] unit = new double[traces.length][];
        for (int i = 0; i < traces.length; i++) {
            unit[i] = structure.unitAmplitude(inputs[i], traces[i]);
        }
        return unit;
    }
}
