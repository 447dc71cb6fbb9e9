package org.submodeluq.surrogate.regression;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {

    @Test
    void partitionsEveryPointOnceInFoldsSizedAsArraySplit() {
        Folds folds = Folds.of(23, 5, 7);
        int[] all = IntStream.range(0, folds.count()).flatMap(fold -> Arrays.stream(folds.heldOut(fold))).sorted()
                .toArray();
        assertAll(() -> assertArrayEquals(IntStream.range(0, 23).toArray(), all, "held-out points together"),
                () -> assertArrayEquals(new int[] {5, 5, 5, 4, 4},
                        IntStream.range(0, 5).map(fold -> folds.heldOut(fold).length).toArray(), "fold sizes"),
                () -> assertAll(IntStream.range(0, 5).mapToObj(fold -> () -> {
                    int[] heldOut = folds.heldOut(fold);
                    int[] fitting = folds.fitting(fold);
                    assertArrayEquals(Arrays.stream(heldOut).sorted().toArray(), heldOut, "held out sorted");
                    assertArrayEquals(IntStream.range(0, 23).filter(p -> Arrays.binarySearch(heldOut, p) < 0)
                            .toArray(), fitting, "fitting on the complement, sorted");
                })));
    }

    @Test
    void dependsOnTheSeedOnly() {
        Folds first = Folds.of(255, 5, 42);
        Folds again = Folds.of(255, 5, 42);
        Folds other = Folds.of(255, 5, 43);
        assertAll(IntStream.range(0, 5).mapToObj(fold -> () -> {
            assertArrayEquals(first.heldOut(fold), again.heldOut(fold));
            assertFalse(Arrays.equals(first.heldOut(fold), other.heldOut(fold)), "another seed, other folds");
        }));
    }

    @Test
    void rejectsFewerPointsThanFoldsAndListsThatAreNoPartition() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> Folds.of(3, 5, 0));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new Folds(4, new int[][] {{0, 1}, {1, 2, 3}}));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new Folds(4, new int[][] {{0, 1}, {3}}));
        assertAll(() -> assertEquals("5 folds of 3 points are not allowed: need at least 2 folds and a point per fold",
                        few.getMessage()),
                () -> assertEquals("fold 1 holds out point 1, which is in fold 0", twice.getMessage()),
                () -> assertEquals("no fold holds out point 2 of 0..3", missing.getMessage()));
    }
}
