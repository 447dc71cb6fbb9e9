package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.io.FieldsFile;
import org.submodeluq.fem.io.RunFile;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.DivergedRunException;
import org.submodeluq.fem.model.FieldRecorder;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq solve}: one full-model run with the Java solver, written to HDF5. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Runs the full model once for sample INDEX of the input stream SEED and writes inputs, zone boundary "
                + "traces and quantities of interest to HDF5; with --fields, also its fields over time for ParaView.")
final class SolveCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    private CaseOption caseOption;

    @Mixin
    private SeedOption seed;

    @Option(names = "--sample", paramLabel = "INDEX", defaultValue = "0",
            description = "Index of the sample in the seed's stream (default: ${DEFAULT-VALUE}).")
    private long sample;

    @Mixin
    private OutputOption out;

    @Mixin
    private FieldsOption fields;

    @Option(names = "--fields-mesh", paramLabel = "full|zone", defaultValue = "full",
            description = "With --fields: the whole plate's mesh or the zone's (default: ${DEFAULT-VALUE}).")
    private String fieldsMesh;

    /** An existing run file at the output holds another run: replaced only with --force. */
    private void refuseAnotherRun(Path target, CaseSpec spec) {
        if (out.force() || !Files.exists(target)) {
            return;
        }
        RunFile.Contents there = RunFile.read(target);
        if (there.seed() != seed.value() || there.sampleIndex() != sample || !CaseFiles.toYaml(there.spec()).equals(CaseFiles.toYaml(spec))) {
            throw new UserInputException("--out", "'" + target + "' holds sample " + there.sampleIndex() + " of seed "
                    + there.seed() + " of case " + there.spec().name() + "; this asks for sample " + sample + " of seed "
                    + seed.value() + " of case " + spec.name() + "; --force replaces it, or name another --out");
        }
    }

    @Override
    public Integer call() {
        Path target = out.file(RunFile.FORMAT, caseOption.files());
        boolean withFields = fields.wanted(command, List.of("--fields-mesh", "--fields-every"));
        if (!List.of("full", "zone").contains(fieldsMesh)) {
            throw new UserInputException("--fields-mesh", "= '" + fieldsMesh + "' is not allowed: full or zone");
        }
        Path fieldsDirectory = withFields ? fields.checked(caseOption.files(), List.of(target)) : null;
        PrintWriter stdout = command.commandLine().getOut();
        CaseSpec spec = caseOption.load();
        refuseAnotherRun(target, spec);
        ZonedMesh zoned = new ZonedMesh(spec);
        Theta theta = new ThetaSampler(spec, seed.value()).sample(sample);
        stdout.printf("case %s: %d x %d mesh, %d nodes; %d steps of dt = %s; seed %d, sample %d%n", spec.name(),
                spec.mesh().nx(), spec.mesh().ny(), zoned.full().nodeCount(), spec.time().steps(), spec.time().dt(),
                seed.value(), sample);
        List<String> names = Theta.names(theta.xi().length);
        double[] values = theta.toArray();
        StringBuilder inputs = new StringBuilder("theta:");
        for (int i = 0; i < values.length; i++) {
            inputs.append(String.format(" %s=%.5g", names.get(i), values[i]));
        }
        stdout.println(inputs);
        FullModel model = new FullModel(zoned);
        FieldRecorder recorder = withFields ? model.fieldRecorder(theta, fieldsMesh.equals("zone"), fields.every()) : null;
        long start = System.nanoTime();
        FullRun run;
        try {
            run = withFields ? model.run(theta, recorder) : model.run(theta);
        } catch (DivergedRunException e) {
            throw e.inSample(sample);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double[] quantities = run.quantities().toArray();
        for (int q = 0; q < quantities.length; q++) {
            stdout.printf("%-26s %.6e%n", QuantitiesOfInterest.NAMES.get(q), quantities[q]);
        }
        RunFile.write(target, zoned, seed.value(), sample, run);
        stdout.printf("solved in %.3f s; wrote %s%n", seconds, target);
        if (withFields) {
            FieldsOption.write(fieldsDirectory, recorder.series(), new FieldsFile.Provenance(spec, seed.value(), sample,
                    "full run, " + JavaSolver.DESCRIPTION), stdout);
        }
        stdout.flush();
        return 0;
    }
}
