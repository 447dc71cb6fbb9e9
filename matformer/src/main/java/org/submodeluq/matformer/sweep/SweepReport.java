package org.submodeluq.matformer.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sweep as a Markdown table and a PNG of held-out loss against parameter count. */
public final class SweepReport {

    private SweepReport() {
    }

    /**
     * One row per point, smallest first within each kind: the held-out loss with its standard error,
     * and its paired excess over the {@link UniformCurve} with that difference's standard error.
     */
    public static String markdown(List<SweepPoint> points) {
        UniformCurve curve = new UniformCurve(points);
        StringBuilder out = new StringBuilder("| kind | configuration | parameters | held-out loss (nats/byte) "
                + "| above the uniform curve (nats/byte, paired) | top-1 agreement | KL to largest (nats) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (SweepPoint point : points) {
            Estimate loss = point.loss();
            String excess = "";
            if (curve.covers(point.parameters())) {
                Estimate above = curve.excess(point);
                excess = String.format(Locale.ROOT, "%+.4f ± %.4f", above.mean(), above.standardError());
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f ± %.4f | %s | %.3f | %.4f |%n", point.kind(),
                    point.label(), point.parameters(), loss.mean(), loss.standardError(), excess, point.agreement(),
                    point.divergence()));
        }
        return out.toString();
    }

    /** Writes {@code points} as a scatter plot (headless; no display needed). */
    public static void png(List<SweepPoint> points, Path file, String title) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle("parameters")
                .yAxisTitle("held-out loss (nats per byte)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        for (String kind : List.of("mix", "uniform", "baseline")) {
            List<SweepPoint> of = points.stream().filter(p -> p.kind().equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(switch (kind) {
                case "mix" -> "Mix'n'Match (extracted, untrained)";
                case "uniform" -> "MatFormer granularities";
                default -> "baselines (trained separately)";
            }, of.stream().mapToDouble(SweepPoint::parameters).toArray(), of.stream().mapToDouble(p -> p.loss().mean())
                    .toArray());
            series.setMarker(switch (kind) {
                case "mix" -> SeriesMarkers.CIRCLE;
                case "uniform" -> SeriesMarkers.DIAMOND;
                default -> SeriesMarkers.SQUARE;
            });
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
