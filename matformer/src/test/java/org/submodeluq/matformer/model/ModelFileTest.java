package org.submodeluq.matformer.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fused query-key-value projection is stored as the three blocks the file format documents, and read back whole. */
class ModelFileTest {

    @TempDir
    Path directory;

    @Test
    void theFusedProjectionIsWrittenAsItsQueryKeyAndValueBlocksAndReadBackToTheSameBits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmShape shape = LmShape.uniform(2, 8, 2, 4, 16, LmShape.Positions.LEARNED);
            TransformerLm lm = TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
            Path file = directory.resolve("m.h5");
            ModelFile.write(file, lm, new int[] {2, 4, 8, 16}, Map.of(), Map.of());
            TransformerLm back = ModelFile.read(file, manager, shape).lm();
            float[][] blocks = new float[3][];
            try (HdfFile hdf = new HdfFile(file)) {
                String[] names = {"wq", "wk", "wv"};
                for (int part = 0; part < 3; part++) {
                    blocks[part] = (float[]) hdf.getDatasetByPath("parameters/1." + names[part]).getData();
                }
            }
            assertAll(
                    () -> assertArrayEquals(lm.parameters().get("1.wqkv").get(new NDIndex(":, 0:8")).toFloatArray(),
                            blocks[0], "columns 0-7 are the queries, stored row-major (d, d) as before the fusion"),
                    () -> assertArrayEquals(lm.parameters().get("1.wqkv").get(new NDIndex(":, 8:16")).toFloatArray(),
                            blocks[1], "columns 8-15 the keys"),
                    () -> assertArrayEquals(lm.parameters().get("1.wqkv").get(new NDIndex(":, 16:24")).toFloatArray(),
                            blocks[2], "columns 16-23 the values"),
                    () -> assertArrayEquals(lm.parameters().get("1.wqkv").toFloatArray(),
                            back.parameters().get("1.wqkv").toFloatArray()),
                    () -> assertArrayEquals(lm.parameters().get("0.w1").toFloatArray(),
                            back.parameters().get("0.w1").toFloatArray()));
        }
    }
}
