package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import org.submodeluq.cases.pipeline.StageProgress;
import org.submodeluq.core.progress.CampaignProgress;

/**
 * A progress line on stderr: work done, rate, time left and whatever details the work reports. On a
 * terminal it redraws in place at most five times a second; in a log, where redrawing would leave a
 * trail of lines, it prints only the line of the finished stage. Silent when quiet.
 *
 * <p>Not {@code me.tongfei:progressbar} (0.10.2, tried): it redraws from its own thread, so a note printed
 * meanwhile is overwritten on a terminal and glued to the bar in a log; it asks JLine whether the JVM's
 * stdout is a terminal, so {@code 2> log} writes cursor escapes into the log; in a log it writes every
 * redraw, cut to 79 columns; and its rate starts when the bar is built, before a campaign knows what it
 * resumed ({@link #begin}).
 */
final class ProgressBar implements StageProgress {

    private static final int WIDTH = 30;
    /**
     * System property the launcher sets to whether stderr is a terminal; without it, whether the JVM has
     * a console (stdin and stdout), the closest Java can tell.
     */
    static final String STDERR_TERMINAL = "submodeluq.stderr.terminal";

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final boolean quiet;
    private final boolean terminal;
    private long firstDone = -1;
    private long firstTime;
    private long lastDone = -1;
    private long lastTotal;
    private long lastDraw;
    private boolean watchingInterrupts;

    /** Set once the command has ended by itself, so that only an interruption (Ctrl-C) says it was one. */
    private static volatile boolean ended;

    /**
     * @param label what is going on ("generate")
     * @param unit what is counted ("samples")
     */
    ProgressBar(PrintWriter err, String label, String unit, boolean quiet) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.quiet = quiet;
        String stderrTerminal = System.getProperty(STDERR_TERMINAL);
        this.terminal = stderrTerminal != null ? Boolean.parseBoolean(stderrTerminal) : System.console() != null;
    }

    @Override
    public synchronized void update(long done, long total, String details) {
        if (done < lastDone) {
            return;
        }
        lastDone = done;
        lastTotal = total;
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (firstDone < 0) {
            firstDone = done;
            firstTime = now;
        }
        boolean last = done == total;
        if (!last && (!terminal || now - lastDraw < 200_000_000L)) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * done / total);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String line = String.format("%s [%s] %d/%d %s%s%s", label, bar, done, total, unit, speed(done, total, now),
                details.isEmpty() ? "" : ", " + details);
        if (terminal) {
            err.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * Progress of a campaign whose finished samples go to a checkpoint as they finish: interrupted (Ctrl-C,
     * SIGTERM), it says how many are kept and that the same command resumes, quiet or not.
     */
    @Override
    public CampaignProgress asCampaign() {
        synchronized (this) {
            if (!watchingInterrupts) {
                watchingInterrupts = true;
                Runtime.getRuntime().addShutdownHook(new Thread(this::interrupted, "progress: interrupted"));
            }
        }
        return StageProgress.super.asCampaign();
    }

    @Override
    public synchronized void begin(long done) {
        firstDone = done;
        firstTime = System.nanoTime();
    }

    /** Marks the command as ended by itself, before the JVM exits. */
    static void ended() {
        ended = true;
    }

    private synchronized void interrupted() {
        if (!ended && lastDone >= 0 && lastDone < lastTotal) {
            err.println((terminal ? System.lineSeparator() : "") + label + ": interrupted at " + lastDone + "/"
                    + lastTotal + " " + unit + "; the " + lastDone + " finished are kept in the checkpoint: run the "
                    + "same command again to resume");
            err.flush();
        }
    }

    @Override
    public synchronized void note(String message) {
        if (quiet) {
            return;
        }
        err.println((terminal ? "\r" : "") + label + ": " + message);
        err.flush();
    }

    /**
     * Rate and time left, measured from the first update on: work reported by then may have been
     * done earlier (resumed) or in one large step (a batch), so it says nothing of the rate.
     */
    private String speed(long done, long total, long now) {
        double seconds = (now - firstTime) * 1e-9;
        if (done == firstDone || seconds <= 0) {
            return "";
        }
        double rate = (done - firstDone) / seconds;
        return String.format(", %.2f/s, %s left", rate, duration(Math.round((total - done) / rate)));
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + " s";
    }
}
