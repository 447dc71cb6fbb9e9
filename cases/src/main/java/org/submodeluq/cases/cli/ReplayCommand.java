package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.submodeluq.cases.pipeline.ShippedGenerator;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.OutputGuard;
import org.submodeluq.fem.io.FieldsFile;
import org.submodeluq.fem.model.FieldRecorder;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.montecarlo.SampleReplay;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq replay}: one Monte Carlo sample run again through the submodel, chosen by index or
 * as a quantity's quantile, with its fields over time on the zone's mesh. A Monte Carlo file keeps only
 * quantities of interest; the replay says whether it gives back the file's.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Runs one sample of a Monte Carlo file again through the submodel, from the generator that drew "
                + "it, and with --fields writes its fields over time on the zone's mesh for ParaView.")
final class ReplayCommand implements Callable<Integer> {

    /** Relative difference from the file's quantities above which the replay is said not to give them back. */
    private static final double SAME = 1e-12;

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--mc", paramLabel = "FILE", required = true, description = "Monte Carlo file made by mc.")
    private Path monteCarlo;

    @Option(names = "--generator", paramLabel = "DIR", required = true,
            description = "The generator directory the campaign used.")
    private Path generatorDirectory;

    @Option(names = "--sample", paramLabel = "INDEX", description = "Index of the sample (0-based, the row of the "
            + "file's /qoi).")
    private Long index;

    @Option(names = "--quantile", paramLabel = "QOI=P",
            description = "The sample at quantile P of a quantity of interest, e.g. peak_von_mises=0.95.")
    private Map<String, Double> quantile;

    @Mixin
    private FieldsOption fields;

    @Mixin
    private DeviceOption device;

    @Override
    public Integer call() {
        boolean withFields = fields.wanted(command, List.of("--fields-every"));
        List<Path> inputs = new ArrayList<>(OutputGuard.filesOf(generatorDirectory));
        inputs.add(monteCarlo);
        Path fieldsDirectory = withFields ? fields.checked(inputs, List.of()) : null;
        PrintWriter out = command.commandLine().getOut();
        SampleReplay replay = SampleReplay.of(monteCarlo);
        long index = chosen(replay, out);
        Submodel submodel = new Submodel(replay.spec());
        FieldRecorder recorder = withFields ? submodel.fieldRecorder(fields.every()) : null;
        DjlRuntime.configure(1);
        BoundaryConditionGenerator generator = ShippedGenerator.asRecorded(GeneratorFiles.load(generatorDirectory, null,
                device.resolve()), replay.spec(), replay.generatorName(), generatorDirectory);
        out.printf(Locale.ROOT, "sample %d of %s: case %s, the %s generator in %s, seed %d%n", index, monteCarlo,
                replay.spec().name(), replay.generatorName(), generatorDirectory, replay.seed());
        QuantitiesOfInterest replayed = replay.replay(submodel, generator,
                GeneratorFiles.manifest(generatorDirectory).toString(), index,
                withFields ? recorder : (step, time, u, v, a) -> { });
        double[] again = replayed.toArray();
        double[] kept = replay.quantities(index);
        double largest = 0;
        for (int q = 0; q < again.length; q++) {
            out.printf(Locale.ROOT, "%-26s %.6e   (file: %.6e)%n", QuantitiesOfInterest.NAMES.get(q), again[q], kept[q]);
            largest = Math.max(largest, Math.abs(again[q] - kept[q]) / Math.abs(kept[q]));
        }
        out.printf(Locale.ROOT, largest <= SAME ? "the replay gives back the file's quantities (largest relative "
                + "difference %.1e)%n" : "the replay differs from the file's quantities by up to %.1e (relative): the "
                + "campaign ran its generator on " + replay.generatorDevice() + ", this replay on " + device.resolve()
                + "%n", largest);
        if (withFields) {
            FieldsOption.write(fieldsDirectory, recorder.series(), new FieldsFile.Provenance(replay.spec(),
                    replay.seed(), index, "Monte Carlo sample " + index + " of " + monteCarlo + ", replayed through "
                            + "the submodel under traces from the " + replay.generatorName() + " generator in "
                            + generatorDirectory), out);
        }
        out.flush();
        return 0;
    }

    /** The sample asked for, by index (checked against the file) or by quantile (then said with its value). */
    private long chosen(SampleReplay replay, PrintWriter out) {
        Contradictions.refuseTogether(command, "--sample", "--quantile", "both choose the sample");
        if (index != null) {
            replay.quantities(index);
            return index;
        }
        if (quantile == null) {
            throw new UserInputException("--sample or --quantile is needed: which sample to replay");
        }
        if (quantile.size() != 1) {
            throw new UserInputException("--quantile", "names " + quantile.size() + " quantities; name one, e.g. "
                    + "peak_von_mises=0.95");
        }
        Map.Entry<String, Double> asked = quantile.entrySet().iterator().next();
        long index = replay.atQuantile(asked.getKey(), asked.getValue());
        out.printf(Locale.ROOT, "the %s quantile %s of %d samples is sample %d (%s = %.6e)%n", asked.getKey(),
                asked.getValue(), replay.sampleCount(), index, asked.getKey(),
                replay.quantities(index)[QuantitiesOfInterest.NAMES.indexOf(asked.getKey())]);
        return index;
    }
}
