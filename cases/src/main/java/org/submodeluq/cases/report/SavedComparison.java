package org.submodeluq.cases.report;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;

/**
 * A comparison read back from its file, with the version that wrote it.
 *
 * @param toolVersion the submodel-uq version that wrote the file
 */
record SavedComparison(ComparisonReport report, String toolVersion) {

    static SavedComparison read(Path path) {
        ComparisonReport report = ComparisonFile.read(path);
        try (HdfFile file = new HdfFile(path)) {
            return new SavedComparison(report, (String) file.getAttribute("tool_version").getData());
        }
    }
}
