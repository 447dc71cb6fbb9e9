package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matformer encode-train|retrieve} end to end on the small campaign's 40 runs, and bad input. */
class EncoderCommandsTest {

    private static final String[] TINY = {"--layers", "1", "--d-model", "16", "--heads", "2", "--d-ff", "16",
            "--embedding", "8", "--patch", "5", "--steps", "4", "--batch", "8", "--quiet"};

    @TempDir
    static Path directory;
    private static SmallCampaign campaign;
    private static Path encoder;

    @BeforeAll
    static void trained() {
        campaign = SmallCampaign.files();
        encoder = directory.resolve("encoder");
        Cli.Result trained = execute(concat(new String[] {"matformer", "encode-train", "--training-set",
                campaign.training.toString(), "--out", encoder.toString()}, TINY));
        assertEquals(0, trained.exitCode(), trained.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@link #TINY} with {@code option}'s value replaced. */
    private static String[] tinyWith(String option, String value) {
        String[] args = TINY.clone();
        args[Arrays.asList(args).indexOf(option) + 1] = value;
        return args;
    }

    @Test
    void retrievesAndChecksAGeneratorForMemorisation() {
        // the small campaign's splits are 20 train, 4 validation, 16 test runs
        Cli.Result retrieve = execute("matformer", "retrieve", "--model", encoder.toString(), "--training-set",
                campaign.training.toString(), "--generator", campaign.generator.toString(), "--samples", "12", "--k",
                "5", "--candidates", "10", "--repetitions", "1");
        assertAll(() -> assertEquals(0, retrieve.exitCode(), retrieve.err()),
                () -> assertTrue(retrieve.out().contains("index: the 20 runs of"), retrieve.out()),
                () -> assertTrue(retrieve.out().contains("queries: 20 held-out runs"), retrieve.out()),
                () -> assertTrue(retrieve.out().contains("| granularity 3 alone (d_ff 16) | 1.000 |"), retrieve.out()),
                () -> assertEquals(4 + 3 + 1 + 1, retrieve.out().lines().filter(l -> l.startsWith("| granularity")
                        || l.startsWith("| query at") || l.startsWith("| adaptive") || l.startsWith("| no encoder"))
                        .count(), retrieve.out()),
                () -> assertTrue(retrieve.out().contains("| training runs, to the nearest other | 20 |"),
                        retrieve.out()),
                () -> assertTrue(retrieve.out().contains("| held-out real runs | 20 |"), retrieve.out()),
                () -> assertTrue(retrieve.out().contains("| generated | 12 |"), retrieve.out()));
    }

    @Test
    void badInputGivesOneClearErrorEach() {
        Cli.Result patch = execute(concat(new String[] {"matformer", "encode-train", "--training-set",
                campaign.training.toString(), "--out", directory.resolve("x").toString()}, tinyWith("--patch", "7")));
        Cli.Result heads = execute(concat(new String[] {"matformer", "encode-train", "--training-set",
                campaign.training.toString(), "--out", directory.resolve("y").toString()}, tinyWith("--heads", "3")));
        Cli.Result k = execute("matformer", "retrieve", "--model", encoder.toString(), "--training-set",
                campaign.training.toString(), "--k", "21");
        Cli.Result notATrainingSet = execute("matformer", "retrieve", "--model", encoder.toString(), "--training-set",
                campaign.training.toString(), "--queries", campaign.samples.toString());
        Cli.Result notAnEncoder = execute("matformer", "retrieve", "--model", campaign.training.toString(),
                "--training-set", campaign.training.toString());
        Cli.Result samples = execute("matformer", "retrieve", "--model", encoder.toString(), "--training-set",
                campaign.training.toString(), "--generator", campaign.generator.toString(), "--samples", "0");
        Cli.Result noGenerator = execute("matformer", "retrieve", "--model", encoder.toString(), "--training-set",
                campaign.training.toString(), "--generator", directory.resolve("nowhere").toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, noGenerator.exitCode(), noGenerator.err()),
                () -> assertEquals(1, noGenerator.err().lines().count(), noGenerator.err()),
                () -> assertEquals("", noGenerator.out(), "nothing retrieved before the generator is checked"),
                () -> assertEquals("submodel-uq: error: --patch = 7 is not allowed: must be an integer >= 1 that "
                        + "divides the 50 time steps", patch.err().strip()),
                () -> assertEquals("submodel-uq: error: --heads = 3 is not allowed: must be an integer >= 1 that "
                        + "divides d_model = 16", heads.err().strip()),
                () -> assertEquals("submodel-uq: error: --k = 21 is not allowed: must be between 1 and the 20 runs of "
                        + "the index", k.err().strip()),
                () -> assertEquals("submodel-uq: error: '" + campaign.samples + "' is not a submodel-uq training set "
                        + "(format attribute: submodel-uq/generated-samples)", notATrainingSet.err().strip()),
                () -> assertEquals("submodel-uq: error: '" + campaign.training + "' is not a submodel-uq MatFormer "
                        + "encoder (format attribute: submodel-uq/training-set)", notAnEncoder.err().strip()),
                () -> assertEquals("submodel-uq: error: --samples = 0 is not allowed: must be >= 1",
                        samples.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, k.exitCode()));
    }
}
