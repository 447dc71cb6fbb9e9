package org.submodeluq.cases.report;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.RunningMoments;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;

/** Draws the report's PNGs into its directory, section by section. */
final class ReportFigures {

    /** Generated traces per fan chart: the first ones of the generator's Monte Carlo seed. */
    static final int GENERATED_TRACES = 200;
    /** Boundary nodes with fan charts, evenly spaced along the trace order. */
    static final int TRACE_NODES = 3;

    private final RunContents run;
    private final Path directory;

    ReportFigures(RunContents run, Path directory) {
        this.run = run;
        this.directory = directory;
    }

    /** Per quantity, its density and its empirical CDF: the reference's test runs against each generator. */
    List<Figure> distributions() {
        List<Figure> figures = new ArrayList<>();
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            String quantity = QuantitiesOfInterest.NAMES.get(q);
            List<Charts.Samples> sets = new ArrayList<>();
            sets.add(new Charts.Samples("reference (test split)", Charts.REFERENCE, run.reference().quantities()[q]));
            for (int g = 0; g < run.campaigns().size(); g++) {
                CampaignResults campaign = run.campaigns().get(g);
                sets.add(new Charts.Samples(campaign.generator(), Charts.generatorColour(g), campaign.column(q)));
            }
            figures.add(Figure.save(Charts.density(quantity, sets), directory, "density-" + quantity + ".png",
                    quantity + ": density of the reference runs and of each generator's Monte Carlo samples"));
            figures.add(Figure.save(Charts.cdf(quantity, sets), directory, "cdf-" + quantity + ".png",
                    quantity + ": empirical CDFs"));
        }
        return figures;
    }

    /** Per quantity and generator, the running mean with its interval against the sample count. */
    List<Figure> convergence() {
        List<Figure> figures = new ArrayList<>();
        for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
            String quantity = QuantitiesOfInterest.NAMES.get(q);
            double referenceMean = RunningMoments.of(run.reference().quantities()[q]).mean();
            for (int g = 0; g < run.campaigns().size(); g++) {
                CampaignResults campaign = run.campaigns().get(g);
                figures.add(Figure.save(Charts.convergence(quantity, campaign.generator(), Charts.generatorColour(g),
                                campaign.convergence().get(q), campaign.level(), referenceMean), directory,
                        "convergence-" + quantity + "-" + campaign.generator() + ".png",
                        quantity + ", " + campaign.generator() + ": running mean and its interval against n"));
            }
        }
        return figures;
    }

    /**
     * At {@link #TRACE_NODES} boundary nodes, the component whose real traces spread most, as fan charts
     * of the test runs against each generator's first {@link #GENERATED_TRACES} samples of its Monte Carlo seed
     * (the very traces its campaign started with).
     */
    List<Figure> traces() {
        ReferenceRuns reference = run.reference();
        int nodes = reference.coordinates().length;
        int steps = reference.steps();
        double[] time = reference.contents().spec().time().times();
        List<List<BoundaryTraces>> generated = new ArrayList<>();
        for (int g = 0; g < run.campaigns().size(); g++) {
            BoundaryConditionGenerator generator = GeneratorFiles.load(run.layout().generator(run.kinds().get(g)),
                    reference.sampleShape(), Device.cpu());
            List<BoundaryTraces> samples = new ArrayList<>();
            for (double[] row : generator.sample(run.campaigns().get(g).seed(), 0, GENERATED_TRACES)) {
                samples.add(new BoundaryTraces(nodes, steps, row));
            }
            generated.add(samples);
        }
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < TRACE_NODES; k++) {
            int node = (2 * k + 1) * nodes / (2 * TRACE_NODES);
            TraceBand x = TraceBand.of(reference.traces(), node, 0, steps);
            TraceBand y = TraceBand.of(reference.traces(), node, 1, steps);
            int component = y.widest() > x.widest() ? 1 : 0;
            TraceBand real = component == 0 ? x : y;
            String name = component == 0 ? "u_x" : "u_y";
            String where = String.format(Locale.ROOT, "node %d at (%.3g, %.3g)", node, reference.coordinates()[node][0],
                    reference.coordinates()[node][1]);
            for (int g = 0; g < generated.size(); g++) {
                String generator = run.campaigns().get(g).generator();
                figures.add(Figure.save(Charts.fan(name + ", " + where, name, time, real, generator,
                                Charts.generatorColour(g), TraceBand.of(generated.get(g), node, component, steps)),
                        directory, "traces-node" + node + "-" + generator + ".png",
                        name + " at boundary " + where + ": median and 5-95 % band, " + reference.traces().size()
                                + " test runs against " + GENERATED_TRACES + " " + generator + " samples"));
            }
        }
        return figures;
    }

    /** The WGAN-GP's critic curves and validation score, or nothing when the run has no training log. */
    List<Figure> training() {
        if (run.curves() == null) {
            return List.of();
        }
        return List.of(Figure.save(Charts.losses(run.curves()), directory, "wgan-gp-critic.png",
                        "WGAN-GP: critic loss and Wasserstein estimate per generator update"),
                Figure.save(Charts.validation(run.curves()), directory, "wgan-gp-validation.png",
                        "WGAN-GP: energy distance to the validation split; the best iterate is the one kept"));
    }
}
