package org.submodeluq.montecarlo;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.BoundaryConditionGenerator;

/**
 * How a cluster's executor makes the campaign's generator for itself: from the generator's files, copied
 * to it, and what the campaign's label says was drawn (inputs held fixed, the fold maps).
 */
public interface GeneratorSource extends Serializable {

    /** The generator's directory (or files) on the driver. */
    List<Path> inputs();

    /**
     * The campaign's generator, the very one the driver would draw from.
     *
     * @param local where this JVM finds each of {@link #inputs()}
     */
    BoundaryConditionGenerator open(CaseSpec spec, Map<Path, Path> local);
}
