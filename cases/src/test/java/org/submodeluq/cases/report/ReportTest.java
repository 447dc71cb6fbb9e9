package org.submodeluq.cases.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * The report of a small run: its numbers against the run's HDF5 files, read here with jhdf alone, to the
 * precision the report prints; its figures against its pages; and the page as Chromium renders it.
 */
class ReportTest {

    private static final Pattern PERCENT = Pattern.compile("([+-]\\d+\\.\\d)%(?: \\[([+-]\\d+\\.\\d), ([+-]\\d+\\.\\d)\\])?");
    private static final Pattern FIXED = Pattern.compile("(\\d+\\.\\d{3})(?: \\[(\\d+\\.\\d{3}), (\\d+\\.\\d{3})\\])?");
    private static final Pattern INTERVAL = Pattern.compile("\\[(\\S+), (\\S+)\\]");

    @TempDir
    static Path directory;
    private static RunLayout layout;
    private static String html;
    private static String markdown;

    @BeforeAll
    static void reportOfASmallRun() throws IOException {
        long start = System.nanoTime();
        layout = RunFixture.create(directory.resolve("run"));
        long made = System.nanoTime();
        Path index = Report.write(layout);
        System.out.printf(Locale.ROOT, "fixture run directory %.1f s, report %.1f s%n", (made - start) * 1e-9,
                (System.nanoTime() - made) * 1e-9);
        assertEquals(layout.report().resolve("index.html"), index);
        html = Files.readString(index);
        markdown = Files.readString(layout.report().resolve("report.md"));
    }

    @Test
    void comparisonTablesPrintComparisonH5ToTheirPrecision() {
        List<Executable> checks = new ArrayList<>();
        try (HdfFile file = new HdfFile(layout.comparison())) {
            String[] metrics = (String[]) file.getAttribute("metrics").getData();
            for (String quantity : QuantitiesOfInterest.NAMES) {
                String[] candidates = (String[]) file.getByPath(quantity).getAttribute("candidates").getData();
                double[][] values = (double[][]) file.getDatasetByPath(quantity + "/values").getData();
                double[][] lower = (double[][]) file.getDatasetByPath(quantity + "/lower").getData();
                double[][] upper = (double[][]) file.getDatasetByPath(quantity + "/upper").getData();
                int[] sizes = (int[]) file.getDatasetByPath(quantity + "/sizes").getData();
                for (String format : List.of("html", "markdown")) {
                    List<List<String>> rows = format.equals("html") ? PageTables.html(html, "comparison-" + quantity)
                            : PageTables.markdown(markdown, "### " + quantity);
                    assertEquals(candidates.length + 1, rows.size(), format + " " + quantity + ": rows");
                    assertEquals(metrics.length + 2, rows.get(0).size(), format + " " + quantity + ": columns");
                    for (int r = 0; r < candidates.length; r++) {
                        List<String> row = rows.get(r + 1);
                        String where = format + " " + quantity + " " + candidates[r];
                        int size = sizes[r];
                        checks.add(() -> assertEquals(size, Integer.parseInt(row.get(1)), where + " n"));
                        String candidate = candidates[r];
                        checks.add(() -> assertEquals(candidate, row.get(0), where + " name"));
                        for (int m = 0; m < metrics.length; m++) {
                            String cell = row.get(m + 2);
                            String metric = metrics[m];
                            double value = values[r][m];
                            double low = lower[r][m];
                            double high = upper[r][m];
                            checks.add(() -> checkCell(where + " " + metric, metric, cell, value, low, high));
                        }
                    }
                }
            }
        }
        assertAll(checks);
    }

    /** A cell printed by the rule of its metric: percent to 0.1, distances to 0.001, p-values to 2 digits. */
    private static void checkCell(String where, String metric, String cell, double value, double lower,
                                  double upper) {
        if (metric.equals("ks_p_value")) {
            assertEquals(value, Double.parseDouble(cell), 0.05 * Math.abs(value) + 1e-300, where + ": " + cell);
            return;
        }
        boolean percent = metric.endsWith("_rel_error");
        Matcher matcher = (percent ? PERCENT : FIXED).matcher(cell);
        assertTrue(matcher.matches(), where + ": '" + cell + "' is not in the metric's format");
        double scale = percent ? 100 : 1;
        double tolerance = (percent ? 0.05 : 0.0005) + 1e-9;
        assertEquals(scale * value, Double.parseDouble(matcher.group(1)), tolerance, where + ": " + cell);
        assertEquals(!Double.isNaN(lower), matcher.group(2) != null, where + ": interval shown iff one exists");
        if (matcher.group(2) != null) {
            assertEquals(scale * lower, Double.parseDouble(matcher.group(2)), tolerance, where + " lower: " + cell);
            assertEquals(scale * upper, Double.parseDouble(matcher.group(3)), tolerance, where + " upper: " + cell);
        }
    }

    @Test
    void perInputTablePrintsComparisonH5sPerInputRows() {
        Pattern cell = Pattern.compile("(\\d+\\.\\d{3}) / (-?\\d+\\.\\d{3}) / ([+-]\\d+\\.\\d)%");
        List<Executable> checks = new ArrayList<>();
        try (HdfFile file = new HdfFile(layout.comparison())) {
            String[] candidates = (String[]) file.getByPath("per_input").getAttribute("candidates").getData();
            int[] runs = (int[]) file.getDatasetByPath("per_input/runs").getData();
            double[][] error = (double[][]) file.getDatasetByPath("per_input/relative_rms_error").getData();
            double[][] correlation = (double[][]) file.getDatasetByPath("per_input/correlation").getData();
            double[][] bias = (double[][]) file.getDatasetByPath("per_input/mean_bias").getData();
            assertTrue(Stream.of(candidates).anyMatch(c -> c.startsWith(GeneratorKind.CONDITIONAL_WGAN_GP.text())),
                    List.of(candidates).toString());
            for (String format : List.of("html", "markdown")) {
                List<List<String>> rows = format.equals("html") ? PageTables.html(html, "per-input")
                        : PageTables.markdown(markdown, "### Per input");
                assertEquals(candidates.length + 1, rows.size(), format + ": rows");
                for (int r = 0; r < candidates.length; r++) {
                    List<String> row = rows.get(r + 1);
                    String where = format + " " + candidates[r];
                    List<String> label = List.of(candidates[r], String.valueOf(runs[r]));
                    checks.add(() -> assertEquals(label, row.subList(0, 2), where));
                    for (int q = 0; q < QuantitiesOfInterest.NAMES.size(); q++) {
                        Matcher matcher = cell.matcher(row.get(q + 2));
                        String what = where + " " + QuantitiesOfInterest.NAMES.get(q) + ": " + row.get(q + 2);
                        assertTrue(matcher.matches(), what);
                        double[] expected = {error[r][q], correlation[r][q], 100 * bias[r][q]};
                        checks.add(() -> assertEquals(expected[0], Double.parseDouble(matcher.group(1)), 5e-4, what));
                        checks.add(() -> assertEquals(expected[1], Double.parseDouble(matcher.group(2)), 5e-4, what));
                        checks.add(() -> assertEquals(expected[2], Double.parseDouble(matcher.group(3)), 0.05, what));
                    }
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void multifidelityTablesPrintEstimateH5sMeans() {
        Pattern interval = Pattern.compile("(\\S+) \\[(\\S+), (\\S+)\\]");
        List<Executable> checks = new ArrayList<>();
        try (HdfFile file = new HdfFile(layout.estimate())) {
            for (String quantity : QuantitiesOfInterest.NAMES) {
                double[][] mean = (double[][]) file.getDatasetByPath(quantity + "/mean").getData();
                for (String format : List.of("html", "markdown")) {
                    List<List<String>> rows = format.equals("html") ? PageTables.html(html, "multifidelity-" + quantity)
                            : PageTables.markdown(markdown, "### " + quantity + " (multifidelity)");
                    List<String> names = rows.stream().map(row -> row.get(0)).toList();
                    assertEquals(List.of("estimator", "multifidelity", "full runs only"), names.subList(0, 3),
                            format + " " + quantity);
                    for (int r = 0; r < 2; r++) {
                        Matcher cell = interval.matcher(rows.get(r + 1).get(2));
                        assertTrue(cell.matches(), rows.get(r + 1).get(2));
                        double[] expected = {mean[r][0], mean[r][2], mean[r][3]};
                        String where = format + " " + quantity + " " + names.get(r + 1);
                        for (int c = 0; c < 3; c++) {
                            double value = Double.parseDouble(cell.group(c + 1));
                            double wanted = expected[c];
                            checks.add(() -> assertEquals(wanted, value, fiveDigits(wanted), where));
                        }
                    }
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void estimateTableShowsTheMonteCarloFilesMeans() {
        List<List<String>> rows = PageTables.html(html, "mc-estimates");
        List<Executable> checks = new ArrayList<>();
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            try (HdfFile file = new HdfFile(layout.monteCarlo(kind))) {
                for (String quantity : QuantitiesOfInterest.NAMES) {
                    var statistics = file.getByPath("statistics/" + quantity);
                    double mean = ((Number) statistics.getAttribute("mean").getData()).doubleValue();
                    double lower = ((Number) statistics.getAttribute("mean_lower").getData()).doubleValue();
                    double upper = ((Number) statistics.getAttribute("mean_upper").getData()).doubleValue();
                    long n = ((Number) statistics.getAttribute("n").getData()).longValue();
                    List<String> row = rows.stream().filter(r -> r.get(0).equals(quantity)
                            && r.get(1).equals(kind.text())).findFirst().orElseThrow();
                    String where = kind.text() + " " + quantity;
                    Matcher interval = INTERVAL.matcher(row.get(4));
                    checks.add(() -> assertEquals(n, Long.parseLong(row.get(2)), where + " n"));
                    checks.add(() -> assertEquals(mean, Double.parseDouble(row.get(3)), fiveDigits(mean), where));
                    checks.add(() -> assertTrue(interval.matches(), where + ": interval " + row.get(4)));
                    checks.add(() -> assertEquals(lower, Double.parseDouble(interval.group(1)), fiveDigits(lower),
                            where + " lower"));
                    checks.add(() -> assertEquals(upper, Double.parseDouble(interval.group(2)), fiveDigits(upper),
                            where + " upper"));
                }
            }
        }
        assertAll(checks);
    }

    /** Half a unit in the fifth significant digit. */
    private static double fiveDigits(double value) {
        return 5e-5 * Math.abs(value) + 1e-300;
    }

    @Test
    void speedUpIsOneFullRunsThreadSecondsOverOneSamples() {
        double generateSeconds;
        long computed;
        try (HdfFile file = new HdfFile(layout.state())) {
            generateSeconds = ((Number) file.getAttribute("generate_seconds").getData()).doubleValue();
            computed = ((Number) file.getAttribute("generate_computed").getData()).longValue();
        }
        assertEquals(RunFixture.RUNS, computed, "an uninterrupted generate computes every run");
        double fullRun = generateSeconds * RunFixture.THREADS / RunFixture.RUNS;
        List<List<String>> rows = PageTables.html(html, "speed-up");
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(fullRun, Double.parseDouble(rows.get(1).get(1)), 0.005 * fullRun + 0.05,
                "one full run: " + rows.get(1)));
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            double perSample;
            try (HdfFile file = new HdfFile(layout.monteCarlo(kind))) {
                perSample = ((Number) file.getAttribute("seconds_per_sample").getData()).doubleValue();
            }
            List<String> row = rows.stream().filter(r -> r.get(0).endsWith(", " + kind.text())).findFirst()
                    .orElseThrow();
            checks.add(() -> assertEquals(perSample, Double.parseDouble(row.get(1)), 0.005 * perSample,
                    kind.text() + " seconds per sample: " + row));
            checks.add(() -> assertEquals(fullRun / perSample, Double.parseDouble(row.get(2)), 0.5,
                    kind.text() + " speed-up: " + row));
        }
        assertAll(checks);
    }

    @Test
    void bothPagesShowEveryFigureAndTheDirectoryHoldsNoOther() throws IOException {
        Set<String> files;
        try (Stream<Path> listing = Files.list(layout.report())) {
            files = new TreeSet<>(listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".png"))
                    .toList());
        }
        int quantities = QuantitiesOfInterest.NAMES.size();
        int generators = RunLayout.GENERATORS.size();
        assertAll(() -> assertEquals(2 * quantities + quantities * generators
                        + ReportFigures.TRACE_NODES * generators + 2, files.size(), files.toString()),
                () -> assertEquals(files, matches(html, "<img src=\"([^\"]+)\""), "index.html"),
                () -> assertEquals(files, matches(markdown, "!\\[[^]]*]\\(([^)]+)\\)"), "report.md"));
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyImageLoadsInHeadlessChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        HeadlessChromium.Rendering rendering = chromium.render(layout.report().resolve("index.html"),
                Files.createDirectories(directory.resolve("chromium-whole")));
        assertAll(() -> assertEquals(matches(html, "<img src=\"([^\"]+)\"").size(), rendering.images(), "images"),
                () -> assertEquals(rendering.images(), rendering.loaded(), "images loaded"),
                () -> assertEquals(QuantitiesOfInterest.NAMES.size(), rendering.comparisonTables(), "comparison tables"));
    }

    @Test
    void chromiumNoticesAMissingImage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path copy = Files.createDirectories(directory.resolve("report-missing-figure"));
        try (Stream<Path> listing = Files.list(layout.report())) {
            for (Path file : listing.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.delete(copy.resolve("cdf-peak_von_mises.png"));
        HeadlessChromium.Rendering rendering = chromium.render(copy.resolve("index.html"),
                Files.createDirectories(directory.resolve("chromium-missing")));
        assertEquals(rendering.images() - 1, rendering.loaded(), rendering.toString());
    }
}
