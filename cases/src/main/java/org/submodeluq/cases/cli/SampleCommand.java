package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.SampleFile;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code submodel-uq sample}: draws samples from a trained generator into HDF5. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draws N samples from a trained generator, in the shape of its training data.")
final class SampleCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model directory made by train.")
    private Path model;

    @Option(names = "--n", paramLabel = "N", required = true, description = "Number of samples.")
    private int n;

    @Mixin
    private SeedOption seed;

    @Mixin
    private OutputOption out;

    @Mixin
    private DeviceOption device;

    @Mixin
    private GivenOption given;

    @Override
    public Integer call() {
        Path target = out.file(SampleFile.FORMAT, List.of(model));
        if (n < 1) {
            throw new UserInputException("--n", "= " + n + " is not allowed: must be >= 1");
        }
        DjlRuntime.configure(1);
        PrintWriter stdout = command.commandLine().getOut();
        BoundaryConditionGenerator loaded = GeneratorFiles.load(model, null, device.resolve());
        BoundaryConditionGenerator generator = given.feed(loaded, loaded instanceof ConditionalGenerator conditional
                ? conditional.trainedCase() : null, model);
        long values = (long) n * Arrays.stream(generator.featureShape()).asLongStream().reduce(1, (a, b) -> a * b);
        if (8 * values > Runtime.getRuntime().maxMemory() / 3) {
            throw new UserInputException("--n " + n + " samples of shape " + Arrays.toString(generator.featureShape())
                    + " need " + 8 * values / (1 << 20) + " MiB, more than this JVM can hold; draw fewer, or raise -Xmx "
                    + "through SUBMODEL_UQ_JAVA_OPTS");
        }
        long start = System.nanoTime();
        double[][] samples = generator.sample(n, seed.value());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("generator_kind", generator.kind().text());
        attributes.put("generator_directory", model.toAbsolutePath().toString());
        attributes.put("seed", seed.value());
        attributes.put("given", given.text());
        SampleFile.write(target, samples, generator.featureShape(), attributes);
        stdout.printf("wrote %s: %d samples of shape %s from %s (%s), in %.2f s%n", target, n,
                Arrays.toString(generator.featureShape()), model, generator.kind().text(),
                (System.nanoTime() - start) * 1e-9);
        stdout.flush();
        return 0;
    }
}
