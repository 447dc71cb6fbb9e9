package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import org.submodeluq.fem.training.CampaignProgress;

/**
 * A progress line on stderr: samples done, rate and time left. On a terminal it redraws in place at
 * most five times a second; in a log it prints a line per tenth of the work. Silent when quiet.
 */
final class ProgressBar implements CampaignProgress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean quiet;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long startDone = -1;
    private long lastDraw;
    private long lastTenth = -1;

    ProgressBar(PrintWriter err, String label, boolean quiet) {
        this.err = err;
        this.label = label;
        this.quiet = quiet;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void sampleDone(long done, long total) {
        if (quiet) {
            return;
        }
        if (startDone < 0) {
            startDone = done - 1;
        }
        long now = System.nanoTime();
        long tenth = 10 * done / total;
        boolean last = done == total;
        if (terminal ? now - lastDraw < 200_000_000L && !last : tenth == lastTenth && !last) {
            return;
        }
        lastDraw = now;
        lastTenth = tenth;
        double seconds = (now - start) * 1e-9;
        double rate = (done - startDone) / Math.max(seconds, 1e-9);
        long left = Math.round((total - done) / Math.max(rate, 1e-9));
        int filled = (int) (WIDTH * done / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String line = String.format("%s [%s] %d/%d samples, %.2f/s, %s left", label, bar, done, total, rate,
                duration(left));
        if (terminal) {
            err.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void note(String message) {
        if (quiet) {
            return;
        }
        err.println((terminal ? "\r" : "") + label + ": " + message);
        err.flush();
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
