package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.submodeluq.cases.cli.Cli.execute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.submodeluq.core.io.Directories;

/**
 * Every kind of file a study makes, on a small case, made once per test JVM for the tests that read
 * them: a training set of 40 Java runs, a PCA-Gaussian generator, 60 Monte Carlo samples in batches of
 * 25 (the last one short), the same 60 traces drawn by {@code sample}, and a comparison.
 */
final class SmallCampaign {

    /** 40 x 10 mesh, 50 steps. */
    static final String CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";
    /** Seed of the Monte Carlo campaign and of the drawn samples. */
    static final long SEED = 3;

    private static SmallCampaign made;

    final Path caseFile;
    final Path training;
    final Path generator;
    final Path monteCarlo;
    final Path samples;
    final Path comparison;

    private SmallCampaign(Path directory) {
        caseFile = directory.resolve("small.yaml");
        training = directory.resolve("training.h5");
        generator = directory.resolve("pca");
        monteCarlo = directory.resolve("mc.h5");
        samples = directory.resolve("samples.h5");
        comparison = directory.resolve("comparison.h5");
    }

    /** The files, made on the first call. */
    static synchronized SmallCampaign files() {
        if (made == null) {
            try {
                Path directory = Files.createTempDirectory("submodel-uq-small-campaign");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Directories.deleteTree(directory);
                    } catch (IOException ignored) {
                        // a temporary directory left behind
                    }
                }));
                made = new SmallCampaign(directory).make();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return made;
    }

    private SmallCampaign make() throws IOException {
        Files.writeString(caseFile, CASE);
        String seed = String.valueOf(SEED);
        run("generate", "--case", caseFile.toString(), "--samples", "40", "--split", "0.5,0.1,0.4", "--solver", "java",
                "--quiet", "--out", training.toString());
        run("train", "--data", training.toString(), "--model", "pca-gaussian", "--out", generator.toString(), "--quiet");
        run("mc", "--generator", generator.toString(), "--samples", "60", "--batch", "25", "--seed", seed, "--quiet",
                "--out", monteCarlo.toString());
        run("sample", "--model", generator.toString(), "--n", "60", "--seed", seed, "--out", samples.toString());
        run("compare", "--reference", training.toString(), "--mc", monteCarlo.toString(), "--bootstrap", "100",
                "--quiet", "--out", comparison.toString(), "--markdown", comparison.resolveSibling("comparison.md")
                        .toString());
        return this;
    }

    private static void run(String... args) {
        Cli.Result result = execute(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.err());
    }
}
