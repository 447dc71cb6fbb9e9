package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.ModelFile;

/** The study trains the nested model and one baseline per width, keeps what it trained before, and records it. */
class MatformerStudyTest {

    private static final LmShape SHAPE = LmShape.uniform(1, 16, 2, 16, 32, LmShape.Positions.LEARNED);

    @TempDir
    Path directory;

    private MatformerStudy study(TrainOptions options) throws Exception {
        Path corpus = directory.resolve("markov.txt");
        Files.write(corpus, MarkovSource.random(6, 0.5, 1).generate(4_000, 2));
        return new MatformerStudy(corpus, 0.1, SHAPE, options, true);
    }

    @Test
    void theRunsAreTheNestedModelThenABaselinePerGranularityWidth() throws Exception {
        List<MatformerStudy.Run> runs = study(TrainOptions.defaults(2, 0)).runs();
        assertAll(
                () -> assertEquals(List.of("matformer", "baseline-4", "baseline-8", "baseline-16", "baseline-32"),
                        runs.stream().map(MatformerStudy.Run::name).toList()),
                () -> assertArrayEquals(new int[] {4, 8, 16, 32}, runs.get(0).widths()),
                () -> assertTrue(runs.get(0).nested()),
                () -> assertArrayEquals(new int[] {16}, runs.get(3).widths()),
                () -> assertFalse(runs.get(3).nested()),
                () -> assertEquals(directory.resolve("baseline-16.h5"), runs.get(3).file(directory)));
    }

    @Test
    void aRunTrainedWithTheSameOptionsIsKeptAndOtherOptionsTrainAgain() throws Exception {
        TrainOptions options = TrainOptions.defaults(3, 0).withBatchSize(4);
        MatformerStudy.Run nested = study(options).runs().get(0);
        Path out = directory.resolve("out");
        MatformerStudy.Outcome first = study(options).train(nested, out, TrainingListener.SILENT);
        byte[] written = Files.readAllBytes(first.file());
        MatformerStudy.Outcome again = study(options).train(nested, out, TrainingListener.SILENT);
        byte[] kept = Files.readAllBytes(first.file());
        MatformerStudy.Outcome other = study(options.withLearningRate(1e-3)).train(nested, out,
                TrainingListener.SILENT);
        assertAll(
                () -> assertFalse(first.kept()),
                () -> assertEquals(4, first.heldOutLosses().length, "one held-out loss per granularity"),
                () -> assertFalse(Files.exists(out.resolve("matformer.checkpoint.h5")), "checkpoint deleted"),
                () -> assertTrue(again.kept()),
                () -> assertArrayEquals(written, kept, "a kept file is left as it was"),
                () -> assertFalse(other.kept(), "another learning rate trains again"),
                () -> assertEquals(3L, ((Number) ModelFile.attribute(first.file(), "steps")).longValue()),
                () -> assertEquals(SHAPE.context(), ((Number) ModelFile.attribute(first.file(), "context")).intValue()));
    }
}
