package org.submodeluq.cases.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.submodeluq.montecarlo.estimate.ConvergenceHistory;

/**
 * The report's charts (XChart), one look for all: the reference (test-split full runs) in dark grey,
 * each generator in its own colour, bands as translucent areas.
 */
final class Charts {

    /** The reference's colour. */
    static final Color REFERENCE = new Color(0x33, 0x33, 0x33);

    private static final Color[] GENERATORS = {new Color(0x1f, 0x77, 0xb4), new Color(0xe4, 0x6c, 0x0a),
            new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd)};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;
    private static final int DENSITY_POINTS = 200;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
            new float[] {6, 4}, 0);

    private Charts() {
    }

    /** A samples set to draw: its name in the legend, its colour, its values. */
    record Samples(String name, Color color, double[] values) {
    }

    /** The colour of the i-th generator in report order. */
    static Color generatorColour(int i) {
        return GENERATORS[i % GENERATORS.length];
    }

    /** Kernel density estimates of every set, on one grid spanning them all. */
    static XYChart density(String quantity, List<Samples> sets) {
        XYChart chart = chart(quantity + ": density", quantity, "density (Gaussian kernel)");
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Samples set : sets) {
            low = Math.min(low, Arrays.stream(set.values()).min().orElseThrow() - 3 * KernelDensity.bandwidth(set.values()));
            high = Math.max(high, Arrays.stream(set.values()).max().orElseThrow()
                    + 3 * KernelDensity.bandwidth(set.values()));
        }
        double[] grid = new double[DENSITY_POINTS];
        for (int g = 0; g < grid.length; g++) {
            grid[g] = low + (high - low) * g / (grid.length - 1);
        }
        for (Samples set : sets) {
            line(chart, label(set), grid, KernelDensity.at(set.values(), grid), set.color(), false);
        }
        return chart;
    }

    /** Empirical CDFs of every set, as steps. */
    static XYChart cdf(String quantity, List<Samples> sets) {
        XYChart chart = chart(quantity + ": empirical CDF", quantity, "P(X <= x)");
        for (Samples set : sets) {
            double[] sorted = set.values().clone();
            Arrays.sort(sorted);
            double[] x = new double[sorted.length + 1];
            double[] p = new double[sorted.length + 1];
            x[0] = sorted[0];
            for (int i = 0; i < sorted.length; i++) {
                x[i + 1] = sorted[i];
                p[i + 1] = (i + 1.0) / sorted.length;
            }
            line(chart, label(set), x, p, set.color(), false).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /** The running mean and its interval against the sample count (log scale), with the reference's mean. */
    static XYChart convergence(String quantity, String generator, Color colour, ConvergenceHistory history,
                               double level, double referenceMean) {
        XYChart chart = chart(quantity + ": " + generator, "samples n", "running mean");
        chart.getStyler().setXAxisLogarithmic(true);
        double[] n = Arrays.stream(history.n()).asDoubleStream().toArray();
        double[] lower = new double[n.length];
        double[] upper = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            lower[i] = history.mean()[i] - history.halfWidth()[i];
            upper[i] = history.mean()[i] + history.halfWidth()[i];
        }
        band(chart, String.format(Locale.ROOT, "%.0f %% interval", 100 * level), n, lower, upper, colour);
        line(chart, "running mean", n, history.mean(), colour, false);
        line(chart, "reference mean (test split)", new double[] {n[0], n[n.length - 1]},
                new double[] {referenceMean, referenceMean}, REFERENCE, true);
        return chart;
    }

    /** A fan chart: real and generated traces' medians and 5-95 % bands over time. */
    static XYChart fan(String title, String component, double[] time, TraceBand real, String generator,
                       Color colour, TraceBand generated) {
        XYChart chart = chart(title, "time t", component + " displacement");
        band(chart, "real 5-95 %", time, real.lower(), real.upper(), REFERENCE);
        band(chart, generator + " 5-95 %", time, generated.lower(), generated.upper(), colour);
        line(chart, "real median", time, real.median(), REFERENCE, false);
        line(chart, generator + " median", time, generated.median(), colour, true);
        return chart;
    }

    /** Critic loss and Wasserstein estimate per generator update. */
    static XYChart losses(TrainingCurves curves) {
        XYChart chart = chart("WGAN-GP training: critic", "iteration", "value");
        line(chart, "critic loss", curves.iterations(), curves.criticLoss(), generatorColour(1), false);
        line(chart, "Wasserstein estimate", curves.iterations(), curves.wasserstein(), REFERENCE, false);
        return chart;
    }

    /** Validation energy distance at each validated iteration; the best one picked the kept generator. */
    static XYChart validation(TrainingCurves curves) {
        XYChart chart = chart("WGAN-GP training: validation", "iteration", "energy distance to validation split");
        line(chart, "validation energy distance", curves.validationIterations(), curves.validationEnergy(),
                generatorColour(1), false).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    private static String label(Samples set) {
        return set.name() + " (n = " + set.values().length + ")";
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNE)
                .setLegendBackgroundColor(new Color(255, 255, 255, 210)).setLegendBorderColor(Color.LIGHT_GRAY)
                .setChartTitleBoxVisible(false).setAntiAlias(true);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe5, 0xe5, 0xe5));
        chart.getStyler().setPlotBackgroundColor(Color.WHITE).setPlotBorderColor(Color.LIGHT_GRAY).setMarkerSize(5);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(dashed ? DASHED : new BasicStroke(1.8f));
        return series;
    }

    /** The area between {@code lower} and {@code upper}, as one closed polygon. */
    private static void band(XYChart chart, String name, double[] x, double[] lower, double[] upper, Color colour) {
        int n = x.length;
        double[] polygonX = new double[2 * n];
        double[] polygonY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            polygonX[i] = x[i];
            polygonY[i] = upper[i];
            polygonX[2 * n - 1 - i] = x[i];
            polygonY[2 * n - 1 - i] = lower[i];
        }
        XYSeries series = chart.addSeries(name, polygonX, polygonY);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        series.setMarker(SeriesMarkers.NONE);
        Color translucent = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60);
        series.setFillColor(translucent);
        series.setLineColor(translucent);
        series.setLineWidth(0.5f);
    }
}
