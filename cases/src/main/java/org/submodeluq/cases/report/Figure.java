package org.submodeluq.cases.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * A PNG beside the report's pages, named by its path relative to them so the directory can be moved
 * or attached as a whole.
 *
 * @param file the PNG's name inside the report directory
 * @param caption one line saying what it shows
 */
record Figure(String file, String caption) {

    /** Draws {@code chart} into {@code directory/file} (headless: no display needed). */
    static Figure save(XYChart chart, Path directory, String file, String caption) {
        try {
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", directory.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(file) + ": " + e.getMessage(), e);
        }
        return new Figure(file, caption);
    }
}
