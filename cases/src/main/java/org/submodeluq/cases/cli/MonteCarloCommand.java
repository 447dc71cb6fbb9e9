package org.submodeluq.cases.cli;

import ai.djl.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.cases.Counts;
import org.submodeluq.cases.pipeline.ShippedGenerator;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.fem.spec.CaseDifference;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.CampaignSettings;
import org.submodeluq.montecarlo.GeneratorLabel;
import org.submodeluq.montecarlo.MonteCarloCampaign;
import org.submodeluq.montecarlo.MonteCarloResult;
import org.submodeluq.montecarlo.SubmodelSampler;
import org.submodeluq.montecarlo.estimate.Exceedance;
import org.submodeluq.montecarlo.estimate.MeanIntervalMethod;
import org.submodeluq.montecarlo.estimate.ProportionIntervalMethod;
import org.submodeluq.montecarlo.estimate.QoiSummary;
import org.submodeluq.montecarlo.estimate.StoppingRule;
import org.submodeluq.montecarlo.estimate.SummaryOptions;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.GeneratorFiles;
import java.util.ArrayList;
import java.util.List;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq mc}: a Monte Carlo campaign of the submodel driven by a trained generator. */
@Command(name = "mc", mixinStandardHelpOptions = true,
        description = {"Runs the submodel on boundary traces drawn from a trained generator and writes the "
                + "quantities of interest, their statistics and convergence history (HDF5).",
                "The case is the generator's own unless --case names another with the same submodel.",
                "Interrupted, the same command resumes: finished batches wait in OUT.checkpoint."})
final class MonteCarloCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    private CaseOption.OrTrained caseOption;

    @Option(names = "--generator", paramLabel = "DIR", required = true, description = "Model directory made by train.")
    private Path generatorDirectory;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000",
            description = "Samples, or the most samples when --target is set (default: ${DEFAULT-VALUE}).")
    private long samples;

    @Option(names = "--target", paramLabel = "REL", defaultValue = "0",
            description = "Stop once every mean's normal interval half-width is within REL of |mean|, e.g. "
                    + "0.01; 0 for no target (default: ${DEFAULT-VALUE}).")
    private double target;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "100",
            description = "Fewest samples before --target may stop the campaign, at most --samples "
                    + "(default: ${DEFAULT-VALUE}).")
    private long minSamples;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).")
    private double level;

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "normal",
            description = "Interval of the means: normal, batch-means or bootstrap (default: ${DEFAULT-VALUE}).")
    private MeanIntervalMethod interval;

    @Option(names = "--proportion-interval", paramLabel = "METHOD", defaultValue = "wilson",
            description = "Interval of exceedance probabilities: wilson or clopper-pearson "
                    + "(default: ${DEFAULT-VALUE}).")
    private ProportionIntervalMethod proportionInterval;

    @Option(names = "--quantiles", paramLabel = "P[,P...]", split = ",", defaultValue = "0.05,0.5,0.95",
            description = "Quantiles to report (default: ${DEFAULT-VALUE}).")
    private double[] quantiles;

    @Option(names = "--threshold", paramLabel = "QOI=VALUE[,VALUE...]",
            description = "Estimate P(QOI > VALUE), e.g. --threshold peak_von_mises=0.02,0.03; repeatable.")
    private Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + CampaignSettings.DEFAULT_BATCH,
            description = "Samples per checkpointed batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Mixin
    private DeviceOption device;

    @Mixin
    private GivenOption given;

    @Option(names = "--cross-fit-folds", description = "Draw sample i from the mean map's fold map i mod K, the "
            + "fits its cross-fitted predictions came from, not from its final map: the cheap samples a "
            + "multifidelity estimate (estimate) corrects with. Mean-map generators only.")
    private boolean crossFitFolds;

    @Mixin
    private EngineOption engine;

    @Mixin
    private OutputOption out;

    @Mixin
    private QuietOption quiet;

    @Override
    public Integer call() {
        Contradictions.refuseIgnored(command, List.of("--min-samples"), target == 0, "it bounds when --target may "
                + "stop the campaign, and no --target is set");
        if (Contradictions.given(command, "--min-samples") && minSamples > samples) {
            throw new UserInputException("--min-samples", "= " + minSamples + " is above --samples = " + samples
                    + ": the campaign never runs more than --samples");
        }
        engine.check(command, List.of("--threads"));
        CampaignSettings settings = settings();
        List<Path> inputs = new ArrayList<>(caseOption.files());
        inputs.add(generatorDirectory);
        Path results = out.file(MonteCarloFile.FORMAT, inputs);
        PrintWriter stdout = command.commandLine().getOut();
        CampaignCase campaignCase = campaignCase();
        CaseSpec spec = campaignCase.spec();
        DjlRuntime.configure(1);
        Device where = device.resolve();
        Contradictions.refuseTogether(command, "--given", "--cross-fit-folds", "cannot go together (the fold "
                + "ensemble's samples pair with full runs at every input, so no input can be held fixed)");
        BoundaryConditionGenerator generator = crossFitFolds ? GeneratorFiles.crossFitEnsemble(generatorDirectory)
                : given.feed(GeneratorFiles.load(generatorDirectory, null, where), spec, generatorDirectory);
        SubmodelSampler sampler = new SubmodelSampler(new Submodel(spec), generator);
        GeneratorLabel label = new GeneratorLabel(crossFitFolds ? CrossFittedSurrogates.CAMPAIGN
                : generator.kind().text() + given.suffix(),
                GeneratorFiles.manifest(generatorDirectory).toString(), where.toString());
        ProgressBar progress = new ProgressBar(command.commandLine().getErr(), "mc", "samples", quiet.on());
        progress.note(samples + " samples of case " + spec.name() + campaignCase.origin() + " from the " + label.name()
                + " generator in " + generatorDirectory + ", seed " + seed.value() + (engine.cluster() ? ""
                : ", on " + Counts.of(settings.threads(), "thread")));
        campaignCase.note().ifPresent(progress::note);
        MonteCarloCampaign campaign = new MonteCarloCampaign(sampler, label, settings, results, out.force());
        boolean done = out.alreadyDone(campaign::alreadyDone);
        MonteCarloResult result = done || !engine.cluster() ? campaign.run(progress.asCampaign())
                : onCluster(campaign, ShippedGenerator.of(generatorDirectory, label.name(), where), progress);
        long computed = result.samples().length - result.resumedSamples();
        if (done) {
            stdout.printf(Locale.ROOT, "kept %s: it already holds these %d samples (%s)%n", results,
                    result.samples().length, result.stopReason());
        } else {
            stdout.printf(Locale.ROOT, "wrote %s: %d samples (%s), %.1f s wall, %.2f ms per sample per thread%s%s%n",
                    results, result.samples().length, result.stopReason(), result.wallSeconds(),
                    1e3 * result.secondsPerSample(), computed > 0
                    ? String.format(Locale.ROOT, ", %.0f samples/s", computed / result.wallSeconds()) : "",
                    result.resumedSamples() > 0 ? ", " + result.resumedSamples() + " resumed from the checkpoint" : "");
        }
        for (QoiSummary summary : result.summaries()) {
            stdout.println(describe(summary));
        }
        stdout.flush();
        return 0;
    }

    private MonteCarloResult onCluster(MonteCarloCampaign campaign, ShippedGenerator generator, ProgressBar progress) {
        try (ClusterEngine cluster = engine.open(progress::note)) {
            return campaign.run(progress.asCampaign(), cluster, generator);
        }
    }

    /**
     * The case a campaign runs.
     *
     * @param origin where it came from, for the progress line ("" when --case named it)
     * @param note what the user should know about it, if anything
     */
    private record CampaignCase(CaseSpec spec, String origin, Optional<String> note) {
    }

    /**
     * The generator's case, or the one --case names when its submodel is the generator's: traces of one
     * time step, mesh or material are wrong input for another's submodel, whatever their shape.
     */
    private CampaignCase campaignCase() {
        Optional<CaseSpec> trained = GeneratorFiles.trainedCase(generatorDirectory);
        Optional<String> named = caseOption.given();
        if (named.isEmpty()) {
            CaseSpec spec = trained.orElseThrow(() -> new UserInputException("--case", "is needed: generator '"
                    + generatorDirectory + "' records no case (trained on a plain dataset, or before generators "
                    + "recorded theirs); name the case its traces belong to"));
            return new CampaignCase(spec, " (the generator's)", Optional.empty());
        }
        CaseSpec spec = CaseFiles.load(named.get());
        if (trained.isEmpty()) {
            return new CampaignCase(spec, "", Optional.empty());
        }
        CaseSpec generatorCase = trained.get();
        Optional<CaseDifference> physics = CaseDifference.firstInSubmodel(spec, generatorCase);
        if (physics.isPresent()) {
            throw new UserInputException("--case", "'" + named.get() + "' differs from the case generator '"
                    + generatorDirectory + "' was trained on (" + generatorCase.name() + "): " + physics.get()
                    + "; drop --case to use the generator's, or train a generator on this case");
        }
        return new CampaignCase(spec, "", CaseDifference.firstInOuterModel(spec, generatorCase).map(outer ->
                "--case differs from the generator's case " + generatorCase.name() + " outside the zone only ("
                        + outer + "): the traces follow the generator's case"));
    }

    /** The campaign's settings; their rules are checked where they are defined, in the montecarlo module. */
    private CampaignSettings settings() {
        SummaryOptions summary = new SummaryOptions(level, interval, proportionInterval, quantiles, new double[0],
                seed.value());
        StoppingRule stopping = target == 0 ? StoppingRule.samples(samples)
                : new StoppingRule(samples, target, level, Math.min(minSamples, samples));
        return new CampaignSettings(stopping, seed.value(), batch, threads.count(), summary, parseThresholds());
    }

    private Map<String, double[]> parseThresholds() {
        Map<String, double[]> parsed = new LinkedHashMap<>();
        thresholds.forEach((name, values) -> {
            try {
                parsed.put(name, Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray());
            } catch (NumberFormatException e) {
                throw new UserInputException("--threshold", name + "=" + values + " is not a list of numbers");
            }
        });
        return parsed;
    }

    /** One line per quantity: mean and interval, standard deviation, quantiles, exceedances. */
    private static String describe(QoiSummary summary) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-25s mean %.5g [%.5g, %.5g] (%s), std %.4g",
                summary.name(), summary.mean(), summary.meanInterval().lower(), summary.meanInterval().upper(),
                summary.intervalMethod().text(), Math.sqrt(summary.variance())));
        double[] p = summary.quantileProbabilities();
        double[] q = summary.quantiles();
        for (int k = 0; k < p.length; k++) {
            line.append(String.format(Locale.ROOT, ", q%s %.5g", percent(p[k]), q[k]));
        }
        for (Exceedance e : summary.exceedances()) {
            line.append(String.format(Locale.ROOT, ", P(> %.4g) = %.4f [%.4f, %.4f]", e.threshold(), e.probability(),
                    e.interval().lower(), e.interval().upper()));
        }
        return line.toString();
    }

    private static String percent(double p) {
        double value = 100 * p;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
