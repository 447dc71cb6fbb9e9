package org.submodeluq.montecarlo.multifidelity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.conditional.CrossFitEnsemble;
import org.submodeluq.surrogate.conditional.CrossFitted;
import org.submodeluq.surrogate.data.TrainingData;

/**
 * The multifidelity estimate a mean map makes possible: its fitting runs paired with its cross-fitted
 * surrogates ({@link CrossFittedSurrogates}), checked against the training set's test split when it has
 * one. Every input is checked before the work: the training set must be the one the map was fitted on
 * (its pairs are indices into it) and the campaign must come from the map's own fold maps.
 */
public final class MeanMapEstimate {

    /** Default cheap samples of the emulator: microseconds each, so many. */
    public static final int EMULATOR_SAMPLES = 100_000;

    /**
     * @param training the training set the generator was fitted on
     * @param generator a mean-map generator's directory, with its fold maps
     * @param campaign a campaign of the generator's fold ensemble, or null for the emulator alone
     * @param emulatorSamples the emulator's cheap samples, 0 for no emulator
     * @param fullRunSeconds thread-seconds of a full run, or null when unknown (no speed-up then)
     */
    public record Inputs(Path training, Path generator, Path campaign, int emulatorSamples, Double fullRunSeconds,
                         long seed, double level, int threads) {
    }

    private MeanMapEstimate() {
    }

    /** Checks the inputs, then estimates. */
    public static MultifidelityReport run(Inputs inputs, Consumer<String> progress) {
        if (inputs.campaign() == null && inputs.emulatorSamples() == 0) {
            throw new UserInputException("no campaign of the fold maps and no emulator samples leave no surrogate to "
                    + "correct with");
        }
        CrossFitEnsemble ensemble = GeneratorFiles.crossFitEnsemble(inputs.generator());
        requireFittedOn(inputs);
        MonteCarloFile.Contents cheap = inputs.campaign() == null ? null : checkedCampaign(inputs);
        TrainingSetFile.Contents set = TrainingSetFile.read(inputs.training());
        CrossFitted pairs = GeneratorFiles.crossFitted(inputs.generator());
        List<FullRun> fitted = runs(set, pairs.runs());
        double[][] fullRuns = quantities(fitted);
        List<MultifidelityReport.Surrogate> surrogates = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        if (cheap != null) {
            progress.accept("the submodel at the cross-fitted traces of the " + fitted.size() + " fitting runs");
            surrogates.add(CrossFittedSurrogates.submodel(new Submodel(set.spec()), ensemble, pairs.predictions(),
                    cheap.samples(), inputs.threads()));
            costs.add(cheap.secondsPerSample());
        }
        if (inputs.emulatorSamples() > 0) {
            progress.accept("the emulator, cross-fitted in " + ensemble.folds() + " folds, and "
                    + inputs.emulatorSamples() + " cheap samples");
            long start = System.nanoTime();
            double[][] runInputs = fitted.stream().map(run -> run.theta().toArray()).toArray(double[][]::new);
            surrogates.add(CrossFittedSurrogates.emulator(set.spec(), runInputs, fullRuns, ensemble.folds(),
                    inputs.seed(), inputs.emulatorSamples()));
            costs.add((System.nanoTime() - start) * 1e-9 / inputs.emulatorSamples());
        }
        MultifidelityReport.Costs measured = inputs.fullRunSeconds() == null ? null
                : new MultifidelityReport.Costs(inputs.fullRunSeconds(), costs.stream().mapToDouble(c -> c).toArray());
        return MultifidelityReport.estimate(set.spec().name(), QuantitiesOfInterest.NAMES, fullRuns, surrogates,
                reference(set, pairs), measured, inputs.level());
    }

    private static void requireFittedOn(Inputs inputs) {
        String recorded = GeneratorFiles.manifest(inputs.generator()).path("data").path("sha256").asText();
        String found = TrainingData.read(inputs.training(), TrainingData.TRACES, inputs.seed()).all().sha256();
        if (!recorded.equals(found)) {
            throw new UserInputException("'" + inputs.training() + "' is not the training set generator '"
                    + inputs.generator() + "' was fitted on (its traces differ): its pairs are runs of that set");
        }
    }

    private static MonteCarloFile.Contents checkedCampaign(Inputs inputs) {
        MonteCarloFile.Contents contents = MonteCarloFile.read(inputs.campaign());
        if (!contents.generator().equals(CrossFittedSurrogates.CAMPAIGN)
                || !contents.generatorManifest().equals(GeneratorFiles.manifest(inputs.generator()).toString())) {
            throw new UserInputException("'" + inputs.campaign() + "' was drawn by " + contents.generator()
                    + ", not by the fold maps of generator '" + inputs.generator() + "': its correction would not be "
                    + "centred; make it with mc --generator " + inputs.generator() + " --cross-fit-folds");
        }
        return contents;
    }

    /** The test split, never fitted on, when it has runs. */
    private static double[][] reference(TrainingSetFile.Contents set, CrossFitted pairs) {
        long[] test = set.splits().test();
        Set<Long> fitted = Arrays.stream(pairs.runs()).boxed().collect(Collectors.toSet());
        if (test.length == 0 || Arrays.stream(test).anyMatch(fitted::contains)) {
            return null;
        }
        return quantities(runs(set, test));
    }

    private static List<FullRun> runs(TrainingSetFile.Contents set, long[] indices) {
        return Arrays.stream(indices).mapToObj(index -> set.runs().get(index)).toList();
    }

    private static double[][] quantities(List<FullRun> runs) {
        return runs.stream().map(run -> run.quantities().toArray()).toArray(double[][]::new);
    }
}
