package org.submodeluq.montecarlo;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.solver.StepObserver;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.estimate.Quantiles;
import org.submodeluq.surrogate.BoundaryConditionGenerator;

/**
 * One sample of a Monte Carlo file run again through the submodel, so that its fields can be looked
 * at: a file keeps only each sample's quantities of interest, and sample i is drawn again from the
 * generator, seed and batch the file records. The replayed quantities must equal the file's, which
 * tells that the generator is the one the campaign used.
 */
public final class SampleReplay {

    private final Path file;
    private final CaseSpec spec;
    private final String generatorName;
    private final String generatorManifest;
    private final String generatorDevice;
    private final long seed;
    private final int batchSize;
    private final long maxSamples;
    private final double[][] samples;

    private SampleReplay(Path file, HdfFile hdf) {
        this.file = file;
        this.spec = CaseFiles.recordedIn(hdf, file);
        this.generatorName = (String) hdf.getAttribute("generator").getData();
        this.generatorManifest = (String) hdf.getAttribute("generator_manifest").getData();
        this.generatorDevice = (String) hdf.getAttribute("generator_device").getData();
        this.seed = number(hdf, "seed");
        this.batchSize = Math.toIntExact(number(hdf, "batch_size"));
        this.maxSamples = number(hdf, "max_samples");
        this.samples = (double[][]) hdf.getDatasetByPath("qoi").getData();
    }

    /**
     * Reads what the replay needs from a Monte Carlo file.
     *
     * @throws UserInputException when the file is missing or is not a Monte Carlo file of this version
     */
    public static SampleReplay of(Path file) {
        try (HdfFile hdf = Hdf5Files.open(file, MonteCarloFile.FORMAT, MonteCarloFile.VERSION, "Monte Carlo file")) {
            return new SampleReplay(file, hdf);
        }
    }

    private static long number(HdfFile hdf, String name) {
        return ((Number) hdf.getAttribute(name).getData()).longValue();
    }

    /** The case of the campaign's submodel. */
    public CaseSpec spec() {
        return spec;
    }

    /** The kind of generator that drew the samples ({@code pca-gaussian}, ...). */
    public String generatorName() {
        return generatorName;
    }

    /** Where the campaign ran its generator ({@code cpu}, {@code gpu(0)}): a network's last bits depend on it. */
    public String generatorDevice() {
        return generatorDevice;
    }

    /** The seed of the campaign's generated traces. */
    public long seed() {
        return seed;
    }

    /** The number of samples in the file. */
    public int sampleCount() {
        return samples.length;
    }

    /** The quantities of interest the file holds for sample {@code index}. */
    public double[] quantities(long index) {
        return samples[checked(index)].clone();
    }

    /**
     * The sample at the type 7 quantile {@code p} of a quantity ({@link Quantiles}): the order statistic
     * of rank {@code round((n - 1) p)}, ties in sample order.
     *
     * @throws UserInputException (field {@code quantile}) when the quantity is unknown or p is outside [0, 1]
     */
    public long atQuantile(String quantity, double p) {
        int q = QuantitiesOfInterest.NAMES.indexOf(quantity);
        if (q < 0) {
            throw new UserInputException("quantile", quantity + "=" + p + " names no quantity of interest; allowed: "
                    + String.join(", ", QuantitiesOfInterest.NAMES));
        }
        if (!(p >= 0 && p <= 1)) {
            throw new UserInputException("quantile", quantity + "=" + p + " is not allowed: the probability must lie "
                    + "in [0, 1]");
        }
        int rank = (int) Math.round((samples.length - 1) * p);
        return IntStream.range(0, samples.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> samples[i][q]))
                .skip(rank).findFirst().orElseThrow();
    }

    /**
     * Runs sample {@code index} through {@code submodel} again, its states shown to {@code observer}.
     *
     * @param generator the trained generator the campaign used
     * @param manifest that generator's manifest (JSON), which must be the one the file records
     * @throws UserInputException (field {@code sample}) when the index is out of range; (field
     *     {@code generator}) when the generator is not the campaign's
     */
    public QuantitiesOfInterest replay(Submodel submodel, BoundaryConditionGenerator generator, String manifest,
                                       long index, StepObserver observer) {
        checked(index);
        if (!manifest.equals(generatorManifest)) {
            throw new UserInputException("generator", "is not the " + generatorName + " generator that drew the "
                    + "samples of '" + file + "' (its manifest differs from the one the file records): name the "
                    + "generator directory the campaign used");
        }
        long first = index / batchSize * batchSize;
        int n = (int) Math.min(batchSize, maxSamples - first);
        return new SubmodelSampler(submodel, generator).replay(seed, first, n, index, observer);
    }

    private int checked(long index) {
        if (index < 0 || index >= samples.length) {
            throw new UserInputException("sample", "= " + index + " is out of range: '" + file + "' holds samples 0 to "
                    + (samples.length - 1));
        }
        return (int) index;
    }
}
