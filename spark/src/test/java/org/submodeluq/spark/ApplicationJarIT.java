package org.submodeluq.spark;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.cases.cli.Cli;

/**
 * The application jar as a cluster runs it: Spark's own {@code SparkSubmit}, from Spark's jars, with the
 * jar and its main class, the master given to spark-submit alone. The training set it writes is the local
 * engine's, byte for byte.
 */
class ApplicationJarIT {

    /** Our modules: in the application jar, and nowhere else on the class path of the submit. */
    private static final List<String> MODULES = List.of("core", "nn", "fem-bridge", "surrogate", "montecarlo",
            "matformer", "cases");

    @Test
    void sparkSubmitRunsTheApplicationJarToTheLocalEnginesBytes(@TempDir Path directory) throws Exception {
        Path jar = Path.of(System.getProperty("submodeluq.applicationJar"));
        Path caseFile = Files.writeString(directory.resolve("small.yaml"), SparkEngineTest.SMALL_CASE);
        Path local = directory.resolve("local.h5");
        Path submitted = directory.resolve("submitted.h5");
        String[] generate = {"generate", "--case", caseFile.toString(), "--samples", "8", "--seed", "6", "--solver",
                "java", "--quiet"};
        Cli.Result reference = Cli.execute(with(generate, "--out", local.toString()));
        assertEquals(0, reference.exitCode(), reference.err());

        List<String> command = new ArrayList<>(DriverJvm.options());
        command.addAll(List.of("-cp", sparkClassPath(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--class", "org.submodeluq.cases.cli.SubmodelUq", jar.toString()));
        command.addAll(List.of(with(generate, "--engine", "spark", "--out", submitted.toString())));
        Path log = directory.resolve("submit.log");
        Process submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(submit.waitFor(300, TimeUnit.SECONDS), "spark-submit must end");
        String said = Files.readString(log);
        try (ZipFile contents = new ZipFile(jar.toFile())) {
            assertAll(
                    () -> assertEquals(0, submit.exitValue(), said),
                    () -> assertEquals(-1, Files.mismatch(local, submitted), "the files differ"),
                    () -> assertTrue(contents.getEntry("org/apache/spark/SparkContext.class") == null,
                            "Spark must be left out of the application jar"),
                    () -> assertTrue(contents.getEntry("org/submodeluq/shaded/jackson/databind/ObjectMapper.class")
                            != null, "Jackson must be relocated"));
        }
    }

    /** What a Spark installation puts on the class path: Spark and libraries, none of our modules. */
    private static String sparkClassPath() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("submodeluq.sparkLibraries")))) {
            return String.join(File.pathSeparator, jars.map(Path::toString)
                    .filter(name -> MODULES.stream().noneMatch(module -> Path.of(name).getFileName().toString()
                            .startsWith(module + "-0")))
                    .toList());
        }
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
