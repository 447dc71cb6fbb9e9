package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void aBadMeshIsAUsageErrorNamingItsOptionAndValue() {
        Cli.Result badSeparator = Cli.execute("bench", "--mc-meshes", "80x20,160by40");
        Cli.Result zero = Cli.execute("bench", "--meshes", "0x20");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, badSeparator.exitCode()),
                () -> assertEquals("Invalid value for option '--mc-meshes' (NXxNY): '160by40' is not of the form NXxNY "
                        + "with whole numbers > 0, e.g. 80x20", badSeparator.err().lines().findFirst().orElseThrow()),
                () -> assertEquals(SubmodelUq.USER_ERROR, zero.exitCode()),
                () -> assertEquals("Invalid value for option '--meshes' (NXxNY): '0x20' is not of the form NXxNY with "
                        + "whole numbers > 0, e.g. 80x20", zero.err().lines().findFirst().orElseThrow()));
    }
}
