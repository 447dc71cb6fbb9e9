package org.submodeluq.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A job's input files and directories (a generator's), sent to every executor as zip archives that Spark
 * unpacks there: {@code addFile} takes no local directory on a cluster, and names only the last segment of
 * a path, so that two inputs of the same name would collide. The archive is named for the job and input.
 */
final class ShippedInputs {

    private ShippedInputs() {
    }

    /** Zips {@code input} into {@code scratch} and has Spark send it to every executor of the job. */
    static void ship(JavaSparkContext spark, String job, Path input, Path scratch) {
        Path archive = scratch.resolve(archiveName(job, input));
        Path root = input.toAbsolutePath().getParent();
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(input)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path entry : walk.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(entry.toAbsolutePath()).toString()));
                Files.copy(entry, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + input + " for the executors: " + e.getMessage(), e);
        }
        spark.sc().addArchive(archive.toString());
    }

    /** Where an executor finds {@code input} of job {@code job}, unpacked. */
    static Path local(String job, Path input) {
        return Path.of(SparkFiles.get(archiveName(job, input))).resolve(input.getFileName().toString());
    }

    /** The inputs' names, which the job's archives are named for, must differ. */
    static void requireDistinctNames(List<Path> inputs) {
        if (inputs.stream().map(Path::getFileName).distinct().count() < inputs.size()) {
            throw new IllegalArgumentException("two inputs of one job share a name: " + inputs);
        }
    }

    private static String archiveName(String job, Path input) {
        return job + "-" + input.getFileName() + ".zip";
    }
}
