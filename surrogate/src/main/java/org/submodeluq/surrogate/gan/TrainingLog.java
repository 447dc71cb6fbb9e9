package org.submodeluq.surrogate.gan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training curves, one CSV row per generator update: critic loss, Wasserstein estimate, gradient
 * penalty, generator loss, learning rate, and the validation energy distance where one was computed.
 * Rewritten whole at each checkpoint, so after a resume it holds exactly the iterations the model saw.
 */
final class TrainingLog {

    static final String HEADER = "iteration,critic_loss,wasserstein,gradient_penalty,generator_loss,learning_rate,"
            + "validation_energy_distance";

    private final Path file;
    private final List<String> rows = new ArrayList<>();

    TrainingLog(Path file) {
        this.file = file;
    }

    void add(int iteration, double criticLoss, double wasserstein, double penalty, double generatorLoss,
             double learningRate, double validation) {
        rows.add(String.format(Locale.ROOT, "%d,%.9g,%.9g,%.9g,%.9g,%.6g,%s", iteration, criticLoss, wasserstein,
                penalty, generatorLoss, learningRate, Double.isNaN(validation) ? ""
                        : String.format(Locale.ROOT, "%.9g", validation)));
    }

    /** Keeps the rows of iterations up to {@code last}, read back from the file. */
    void resume(int last) {
        rows.clear();
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("iteration") && !line.isBlank()
                        && Integer.parseInt(line.substring(0, line.indexOf(','))) <= last) {
                    rows.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the log atomically. */
    void write() {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            lines.addAll(rows);
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log " + file, e);
        }
    }
}
