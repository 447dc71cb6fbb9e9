package org.submodeluq.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatformerFiguresTest {

    @Test
    void tablesPrintEveryRowToItsPrecision() {
        MatformerFigures figures = new MatformerFigures(
                List.of(new MatformerFigures.Training("MatFormer, joint g = 4", 20, 6000.4, 2.934)),
                List.of(new MatformerFigures.Decoding("KV cache", 56, 480.2),
                        new MatformerFigures.Decoding("no cache", 56, 300.0)),
                List.of(new MatformerFigures.Pass("verifier", 1, 2.0), new MatformerFigures.Pass("verifier", 5, 2.5),
                        new MatformerFigures.Pass("draft", 1, 0.6)),
                List.of(new MatformerFigures.Speculative(2, 0.9, 0.5, 0.6, 1.2, true)), "Model: a small one.");
        assertEquals("""
                | training | steps | tokens/s | steps/s |
                |---|---|---|---|
                | MatFormer, joint g = 4 | 20 | 6000 | 2.93 |

                | decoding (largest granularity) | tokens | tokens/s |
                |---|---|---|
                | KV cache | 56 | 480 |
                | no cache | 56 | 300 |

                | forward pass, KV cache | new tokens | ms | over one token |
                |---|---|---|---|
                | verifier | 1 | 2.000 | 1.00 |
                | verifier | 5 | 2.500 | 1.25 |
                | draft | 1 | 0.600 | 1.00 |

                | speculative, draft = smallest granularity | acceptance | speculative s | greedy s | speed-up \
                | identical to greedy |
                |---|---|---|---|---|---|
                | k = 2 | 0.900 | 0.500 | 0.600 | 1.20x | true |

                Model: a small one.
                """, figures.tables());
    }
}
