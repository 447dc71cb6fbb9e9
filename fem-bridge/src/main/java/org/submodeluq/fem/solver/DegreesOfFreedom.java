package org.submodeluq.fem.solver;

import java.util.stream.IntStream;

/** The numbering of vector P1 unknowns: component c (0 = x, 1 = y) of node n is degree of freedom 2 n + c. */
public final class DegreesOfFreedom {

    private DegreesOfFreedom() {
    }

    /** Both degrees of freedom of each node, node by node. */
    public static int[] ofNodes(int[] nodes) {
        return IntStream.of(nodes).flatMap(n -> IntStream.of(2 * n, 2 * n + 1)).toArray();
    }
}
