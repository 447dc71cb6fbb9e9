package org.submodeluq.cases.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.submodeluq.core.UserInputException;

/**
 * A WGAN-GP's {@code training-log.csv}: one row per generator update, the validation energy distance
 * only on the rows where it was computed (empty elsewhere).
 *
 * @param validationIterations the iterations that were validated
 * @param validationEnergy the energy distance at each of them
 */
record TrainingCurves(double[] iterations, double[] criticLoss, double[] wasserstein, double[] validationIterations,
                      double[] validationEnergy) {

    /** The columns the log must have, in this order. */
    static final List<String> COLUMNS = List.of("iteration", "critic_loss", "wasserstein", "gradient_penalty",
            "generator_loss", "learning_rate", "validation_energy_distance");

    static TrainingCurves read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !Arrays.asList(lines.get(0).split(",")).equals(COLUMNS)) {
            throw new UserInputException("'" + csv + "' is not a WGAN-GP training log: its header should be "
                    + String.join(",", COLUMNS));
        }
        List<double[]> rows = new ArrayList<>();
        List<double[]> validated = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double iteration = Double.parseDouble(cells[0]);
            rows.add(new double[] {iteration, Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
            if (!cells[6].isEmpty()) {
                validated.add(new double[] {iteration, Double.parseDouble(cells[6])});
            }
        }
        return new TrainingCurves(column(rows, 0), column(rows, 1), column(rows, 2), column(validated, 0),
                column(validated, 1));
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(row -> row[c]).toArray();
    }
}
