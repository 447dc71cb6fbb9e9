package org.submodeluq.cases.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every figure of one {@code bench} run, as {@link BenchSuite} measured them; the JSON output writes them
 * with their names in snake case ({@code samplesPerS} as {@code samples_per_s}) and leaves out what was not
 * measured (null).
 *
 * @param date when the run started, to the second
 * @param java the Java version
 * @param cores the processors available to the JVM
 * @param mesh the summary's mesh, {@code NXxNY}
 * @param steps time steps of every run
 * @param fenicsUnavailable why FEniCS could not be timed, or null when it was
 * @param solver the solver table's rows, or null when not asked
 * @param campaign the campaign table's rows, or null when not asked
 * @param py4jOverhead the Py4J overhead, or null when the campaign table was not asked or FEniCS is missing
 * @param monteCarlo Monte Carlo rows: the summary's mesh, or every mesh when the table was asked
 * @param gan WGAN-GP training speed per thread count, DJL's and PyTorch's
 * @param matformer MatFormer's figures, written under their own {@code matformer_} keys
 * @param generators each generator kind's costs, or null when not asked
 * @param multifidelity the multifidelity estimate's effective rates, or null when generators were not asked
 */
public record BenchResults(String date, String java, int cores, String mesh, int steps, String fenicsUnavailable,
                           List<SolverBench.MeshTimes> solver, List<CampaignBench.Throughput> campaign,
                           CampaignBench.Py4jOverhead py4jOverhead, List<MonteCarloBench.Throughput> monteCarlo,
                           List<GanBench.Speed> gan,
                           @JsonUnwrapped(prefix = MatformerFigures.PREFIX) MatformerFigures matformer,
                           List<GeneratorBench.Cost> generators, List<GeneratorBench.EffectiveRate> multifidelity) {

    /** The JSON mapping of the figures, also the one that reads {@link MatformerBench}'s map. */
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL).enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the figures as JSON to {@code file}, creating its directory. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
