package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.submodeluq.cases.bench.BenchPlan;
import org.submodeluq.fem.spec.MeshResolution;

class BenchCommandTest {

    private static BenchPlan plan(String... args) {
        return ((BenchCommand) SubmodelUq.commandLine().parseArgs(args).subcommand().commandSpec().userObject()).plan();
    }

    private static String meshes(List<MeshResolution> meshes) {
        return meshes.stream().map(BenchPlan::meshName).collect(Collectors.joining(","));
    }

    private static String counts(List<Integer> counts) {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Test
    void sizesNotGivenComeFromTheStandardOrTheQuickPlan() {
        BenchPlan quick = BenchPlan.quick();
        assertAll(
                () -> assertEquals(BenchPlan.standard(), plan("bench")),
                () -> assertEquals(quick, plan("bench", "--quick")),
                () -> assertEquals(new BenchPlan(50,
                        new BenchPlan.Solver(true, true, List.of(new MeshResolution(40, 10)), quick.solver().repeats()),
                        quick.campaign(), quick.gan(),
                        new BenchPlan.MonteCarlo(true, quick.monteCarlo().meshes(), 12, quick.monteCarlo().threads()),
                        quick.matformer(), quick.generators()),
                        plan("bench", "--quick", "--dolfinx", "--meshes", "40x10", "--steps", "50", "--mc",
                                "--mc-samples", "12")));
    }

    @Test
    void theHelpStatesBothPlans() {
        Cli.Result help = Cli.execute("bench", "--help");
        String text = help.out().replaceAll("\\s+", "");
        BenchPlan standard = BenchPlan.standard();
        BenchPlan quick = BenchPlan.quick();
        List<String> stated = List.of(
                "(default: " + meshes(standard.solver().meshes()) + "; --quick " + meshes(quick.solver().meshes())
                        + ")",
                "(default: " + standard.steps() + ", the default case's)",
                "(default: " + standard.solver().repeats() + "; --quick " + quick.solver().repeats() + ")",
                "(default: " + meshes(standard.campaign().meshes()) + "; --quick " + meshes(quick.campaign().meshes())
                        + ")",
                "(default: " + standard.campaign().samples() + "; --quick " + quick.campaign().samples() + ")",
                "(default: " + counts(standard.campaign().workers()) + ")",
                "(default: " + standard.gan().iterations() + "; --quick " + quick.gan().iterations() + ")",
                "(default: " + counts(standard.gan().threads()) + ")",
                "(default: " + meshes(standard.monteCarlo().meshes()) + "; --quick "
                        + meshes(quick.monteCarlo().meshes()) + ")",
                "(default: " + standard.monteCarlo().samples() + "; --quick " + quick.monteCarlo().samples() + ")",
                "(default: " + counts(standard.monteCarlo().threads()) + ")",
                "(default: " + standard.matformer().trainingSteps() + "; --quick " + quick.matformer().trainingSteps()
                        + ")",
                "(default: " + standard.generators().runs() + "; --quick " + quick.generators().runs() + ")");
        // picocli wraps lines at spaces and after commas
        assertAll(stated.stream().map(line -> () -> assertTrue(text.contains(line.replaceAll("\\s+", "")),
                line + " in " + help.out())));
    }

    @Test
    void aBadMeshIsAOneLineUsageErrorNamingItsOptionAndValue() {
        Cli.Result badSeparator = Cli.execute("bench", "--mc-meshes", "80x20,160by40");
        Cli.Result zero = Cli.execute("bench", "--meshes", "0x20");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, badSeparator.exitCode()),
                () -> assertEquals("submodel-uq: error: Invalid value for option '--mc-meshes' (NXxNY): '160by40' is not "
                        + "of the form NXxNY with whole numbers > 0, e.g. 80x20 (see 'submodel-uq bench --help')",
                        badSeparator.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, zero.exitCode()),
                () -> assertEquals("submodel-uq: error: Invalid value for option '--meshes' (NXxNY): '0x20' is not of the "
                        + "form NXxNY with whole numbers > 0, e.g. 80x20 (see 'submodel-uq bench --help')",
                        zero.err().strip()));
    }
}
