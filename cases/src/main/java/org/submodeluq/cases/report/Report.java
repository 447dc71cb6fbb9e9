package org.submodeluq.cases.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * The report of a run directory: {@code report/index.html} for a browser, {@code report/report.md}
 * with the same tables for terminals and issue trackers, and their PNG figures beside them. It reads
 * the run's files alone (stages.h5, training.h5, the generators, the Monte Carlo files, comparison.h5), so
 * it can be rewritten from a copied directory; static pages, no script, no network.
 */
public final class Report {

    private static final String HOW_TO_READ = "The tables first: for each quantity of interest, how far each "
            + "generator's Monte Carlo distribution is from the reference full runs of the test split, which no "
            + "generator was fitted on. Read a generator's row against the noise floor (two halves of the "
            + "reference compared with each other: the error that sampling alone makes) and the exact replay (the "
            + "test runs' own boundary traces through the submodel: the error of the submodel alone, which should "
            + "be round-off). A generator is as good as the reference can tell when its errors and distances are "
            + "within the noise floor's. The figures below show the same distributions, the Monte Carlo means "
            + "settling as samples accrue, the generated boundary traces against the real ones, and the WGAN-GP's "
            + "training; the run's costs and provenance close the page.";

    private Report() {
    }

    /**
     * Writes the report into {@code layout.report()}, replacing an earlier one; its figures go first, since
     * a run of another case or generator set would leave figures no page shows.
     *
     * @return the path of index.html
     */
    public static Path write(RunLayout layout) {
        System.setProperty("java.awt.headless", "true");
        DjlRuntime.configure(1);
        RunContents run = RunContents.read(layout);
        Path directory = layout.report();
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> figures = Files.newDirectoryStream(directory, "*.png")) {
                for (Path figure : figures) {
                    Files.delete(figure);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory + ": " + e.getMessage(), e);
        }
        List<Block> blocks = blocks(run, new ReportFigures(run, directory));
        String title = "submodel-uq run: " + run.state().caseName();
        Path index = directory.resolve("index.html");
        write(index, ReportPage.html(title, blocks));
        write(directory.resolve("report.md"), ReportPage.markdown(title, blocks));
        return index;
    }

    /** The multifidelity estimate: one table per quantity, with what the correction did. */
    private static List<Block> multifidelity(MultifidelityReport report) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Multifidelity estimate"));
        blocks.add(new Block.Paragraph(report.intro()));
        for (int q = 0; q < report.quantities().size(); q++) {
            String quantity = report.quantities().get(q).quantity();
            blocks.add(new Block.Heading(3, quantity + " (multifidelity)"));
            blocks.add(new Block.Paragraph(report.summary(q)));
            blocks.add(new Table("multifidelity-" + quantity, report.headings(q), report.rows(q)));
        }
        return blocks;
    }

    private static List<Block> blocks(RunContents run, ReportFigures figures) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(HOW_TO_READ));
        ComparisonTables comparison = ComparisonTables.of(run.comparison().report());
        blocks.add(new Block.Heading(2, "Comparison with the reference runs"));
        blocks.add(new Block.Paragraph(comparison.intro()));
        for (int q = 0; q < comparison.quantities().size(); q++) {
            blocks.add(new Block.Heading(3, comparison.quantities().get(q)));
            blocks.add(comparison.tables().get(q));
        }
        if (comparison.perInput() != null) {
            blocks.add(new Block.Heading(3, "Per input"));
            blocks.add(new Block.Paragraph(ComparisonReport.PER_INPUT_INTRO));
            blocks.add(comparison.perInput());
        }
        if (run.multifidelity() != null) {
            blocks.addAll(multifidelity(run.multifidelity()));
        }
        blocks.add(new Block.Heading(2, "Monte Carlo estimates"));
        blocks.add(new Block.Paragraph(String.format(Locale.ROOT, "Means with their %.0f %% intervals as the Monte "
                + "Carlo files hold them, against the reference runs' own mean and spread.",
                100 * run.campaigns().stream().mapToDouble(CampaignResults::level).max().orElse(0.95))));
        blocks.add(EstimateTable.of(run));
        blocks.add(new Block.Heading(2, "Distributions of the quantities of interest"));
        blocks.add(new Block.Figures(figures.distributions()));
        blocks.add(new Block.Heading(2, "Monte Carlo convergence"));
        blocks.add(new Block.Paragraph("The running mean and its interval against the number of samples (log "
                + "scale); the dashed line is the reference runs' mean, which a good generator's interval should "
                + "reach."));
        blocks.add(new Block.Figures(figures.convergence()));
        blocks.add(new Block.Heading(2, "Boundary traces, generated and real"));
        blocks.add(new Block.Paragraph("At " + ReportFigures.TRACE_NODES + " nodes of the zone's cut boundaries, "
                + "the displacement component that varies most: median and 5-95 % band over time of the test runs "
                + "(grey) and of each generator (colour)."));
        blocks.add(new Block.Figures(figures.traces()));
        List<Figure> training = figures.training();
        if (!training.isEmpty()) {
            blocks.add(new Block.Heading(2, "WGAN-GP training"));
            blocks.add(new Block.Paragraph(wganTraining(run)));
            blocks.add(new Block.Figures(training));
        }
        blocks.add(new Block.Heading(2, "Timings and speed-up"));
        blocks.add(RunCosts.stages(run));
        blocks.add(new Block.Paragraph("One full run against one Monte Carlo sample of the submodel, both in "
                + "thread-seconds (wall time times threads): what each generated sample saves once the generator "
                + "is trained."));
        blocks.add(RunCosts.speedUp(run));
        blocks.add(new Block.Heading(2, "Case, options, seeds and versions"));
        blocks.add(new Block.Heading(3, "Case " + run.state().caseName()));
        blocks.add(new Block.Verbatim(run.state().caseYaml()));
        blocks.add(new Block.Heading(3, "Options of the last run (a reused stage keeps those it was made with)"));
        blocks.add(new Block.Verbatim(run.state().options()));
        blocks.add(new Block.Heading(3, "Seeds"));
        blocks.add(Provenance.seeds(run));
        blocks.add(new Block.Heading(3, "Versions"));
        blocks.add(Provenance.versions(run));
        return blocks;
    }

    private static String wganTraining(RunContents run) {
        int g = run.kinds().indexOf(GeneratorKind.WGAN_GP);
        String best = g < 0 ? "" : " The generator kept is the one of iteration "
                + run.manifests().get(g).path("training").path("best_iteration").asText() + ", with validation energy "
                + "distance " + String.format(Locale.ROOT, "%.4g",
                run.manifests().get(g).path("training").path("best_validation_energy_distance").asDouble()) + ".";
        return "Critic loss and Wasserstein estimate per generator update, and the energy distance between "
                + "generated and validation samples where it was measured." + best;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
