package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;

/** {@code matformer train|extract|sweep|generate|speculate} end to end on a tiny model, and bad input. */
class MatformerCommandTest {

    private static final String[] TINY = {"--layers", "2", "--d-model", "16", "--heads", "2", "--d-ff", "32",
            "--context", "16", "--steps", "12", "--batch", "8", "--quiet"};

    @TempDir
    static Path directory;
    private static Path corpus;
    private static Path model;

    @BeforeAll
    static void trained() throws Exception {
        corpus = directory.resolve("markov.txt");
        Files.write(corpus, MarkovSource.random(6, 0.5, 1).generate(6_000, 2));
        model = directory.resolve("model");
        String[] args = concat(new String[] {"matformer", "train", "--corpus", corpus.toString(), "--out",
                model.toString(), "--baselines"}, TINY);
        Cli.Result trained = execute(args);
        assertEquals(0, trained.exitCode(), trained.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void everySubcommandRunsOnATrainedModel() {
        Path extracted = directory.resolve("small.h5");
        Cli.Result extract = execute("matformer", "extract", "--model", model.toString(), "--config", "0,1", "--out",
                extracted.toString());
        Cli.Result generate = execute("matformer", "generate", "--model", extracted.toString(), "--prompt", "ab",
                "--tokens", "8");
        Cli.Result speculate = execute("matformer", "speculate", "--model", model.toString(), "--prompt", "abc",
                "--tokens", "10", "--k", "3");
        Cli.Result sweep = execute("matformer", "sweep", "--model", model.toString(), "--eval-batches", "2");
        assertAll(
                () -> assertEquals(0, extract.exitCode(), extract.err()),
                () -> assertTrue(extract.out().contains("configuration 0,1, "), extract.out()),
                () -> assertEquals(0, generate.exitCode(), generate.err()),
                () -> assertTrue(generate.out().contains("8 tokens in "), generate.out()),
                () -> assertEquals(0, speculate.exitCode(), speculate.err()),
                () -> assertTrue(speculate.out().contains("identical to greedy decoding: yes"), speculate.out()),
                () -> assertEquals(0, sweep.exitCode(), sweep.err()),
                () -> assertTrue(sweep.out().contains("| baseline | d_ff 4 |"), sweep.out()),
                () -> assertTrue(sweep.out().contains("Mix'n'Match models on or below the curve through the uniform "
                        + "granularities (paired excess <= 2 standard errors): "), sweep.out()),
                () -> assertTrue(sweep.out().contains("uniform 0,0 against its baseline: "), sweep.out()),
                () -> assertTrue(Files.size(model.resolve("sweep.png")) > 1000, "the plot is written"),
                () -> assertEquals(10, sweep.out().lines().filter(l -> l.startsWith("| uniform")
                        || l.startsWith("| mix")).count(), "all 10 non-decreasing configurations of 2 layers x 4"));
    }

    @Test
    void badInputGivesOneClearErrorEach() throws Exception {
        Path empty = directory.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        Path latin1 = directory.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'o', 'k'});
        Cli.Result emptyCorpus = execute(concat(new String[] {"matformer", "train", "--corpus", empty.toString(),
                "--out", directory.resolve("x").toString()}, TINY));
        Cli.Result notUtf8 = execute(concat(new String[] {"matformer", "train", "--corpus", latin1.toString(),
                "--out", directory.resolve("y").toString()}, TINY));
        Cli.Result wrongLength = execute("matformer", "generate", "--model", model.toString(), "--config", "0,1,2");
        Cli.Result noSuchGranularity = execute("matformer", "extract", "--model", model.toString(), "--config", "0,4",
                "--out", directory.resolve("z.h5").toString());
        Cli.Result noDraft = execute("matformer", "speculate", "--model", model.toString(), "--k", "0");
        Cli.Result emptyPrompt = execute("matformer", "speculate", "--model", model.toString(), "--prompt", "");
        Cli.Result wrongDraft = execute("matformer", "speculate", "--model", model.toString(), "--draft-config",
                "0,0,0");
        Cli.Result unknownFamily = execute("matformer", "sweep", "--model", model.toString(), "--family", "width");
        Cli.Result negativeMixes = execute(concat(new String[] {"matformer", "train", "--corpus", corpus.toString(),
                "--out", directory.resolve("w").toString(), "--mixes-per-step", "-1"}, TINY));
        Path other = directory.resolve("other");
        try (NDManager manager = NDManager.newBaseManager()) {
            TransformerLm wider = TransformerLm.initialised(manager, LmShape.uniform(2, 32, 2, 16, 32,
                    LmShape.Positions.LEARNED), RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
            ModelFile.write(other.resolve("matformer.checkpoint.h5"), wider, new int[] {4, 8, 16, 32}, Map.of(),
                    Map.of());
        }
        Cli.Result otherShape = execute(concat(new String[] {"matformer", "train", "--corpus", corpus.toString(),
                "--out", other.toString()}, TINY));
        assertAll(
                () -> assertEquals("submodel-uq: error: corpus " + empty + " is empty", emptyCorpus.err().strip()),
                () -> assertEquals("submodel-uq: error: corpus " + latin1 + " is not valid UTF-8: decoding fails at "
                        + "byte offset 3", notUtf8.err().strip()),
                () -> assertEquals("submodel-uq: error: configuration 0,1,2 has 3 layers; the model has 2",
                        wrongLength.err().strip()),
                () -> assertEquals("submodel-uq: error: configuration 0,4: granularity 4 does not exist; this model "
                        + "has granularities 0 to 3 (hidden widths [4, 8, 16, 32])", noSuchGranularity.err().strip()),
                () -> assertTrue(otherShape.err().startsWith("submodel-uq: error: checkpoint '"
                        + other.resolve("matformer.checkpoint.h5") + "' holds a model of shape 2 layers, d_model 32"),
                        otherShape.err()),
                () -> assertEquals(SubmodelUq.USER_ERROR, otherShape.exitCode()),
                () -> assertEquals("submodel-uq: error: --k = 0 must be >= 1", noDraft.err().strip()),
                () -> assertEquals("submodel-uq: error: the prompt is empty: give at least one byte",
                        emptyPrompt.err().strip()),
                () -> assertEquals("submodel-uq: error: configuration 0,0,0 has 3 layers; the model has 2",
                        wrongDraft.err().strip()),
                () -> assertEquals("submodel-uq: error: Invalid value for option '--family': configuration family "
                        + "'width' is unknown; allowed: depth, importance (see 'submodel-uq matformer sweep --help')",
                        unknownFamily.err().strip()),
                () -> assertEquals("submodel-uq: error: --mixes-per-step = -1 is not allowed: must be an integer >= 0",
                        negativeMixes.err().strip()));
    }
}
