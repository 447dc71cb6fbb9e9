package org.submodeluq.fem.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * A JVM that starts a pool of two workers, prints their process ids and those of their children, then
 * waits to be killed: the subject of {@link WorkerPoolTest#killingTheJvmLeavesNoWorkerBehind}.
 */
public final class PoolHolder {

    private PoolHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        CaseSpec spec = CaseFiles.defaultCase().withMesh(20, 5).withTime(10, 0.04);
        WorkerPool pool = new WorkerPool(PythonRuntime.resolve(args[0], spec.fenics()), spec.fenics(),
                "{\"case\": " + WorkerPoolTest.json(spec) + "}", new WorkerPool.Settings(2, Duration.ofMinutes(5),
                Duration.ofMinutes(5), 0, Path.of(args[1])), line -> { });
        String pids = pool.pids().stream().flatMap(pid -> java.util.stream.Stream.concat(java.util.stream.Stream.of(pid),
                ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)))
                .map(String::valueOf).collect(Collectors.joining(" "));
        System.out.println("pids " + pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
