package org.submodeluq.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.submodeluq.cases.cli.SubmodelUq;

/** The command line as a driver JVM of its own: to be killed, to own a local cluster, to run spark-submit. */
final class DriverJvm {

    /** What Spark's launcher gives the JVMs it starts (JavaModuleOptions), as the launcher script does. */
    private static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    private DriverJvm() {
    }

    /** A JVM with the options Spark's launcher gives a driver, and Spark's SLF4J binding. */
    static List<String> options() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx1g"));
        OPENS.forEach(p -> command.add("--add-opens=java.base/" + p + "=ALL-UNNAMED"));
        command.add("-Dslf4j.provider=" + System.getProperty("slf4j.provider"));
        return command;
    }

    /**
     * Starts a command as a JVM of its own with this test's class path, its output to {@code log}.
     *
     * @param properties system properties of the driver JVM (Spark reads its settings from {@code spark.*})
     * @param environment variables added to this JVM's
     */
    static Process start(Path log, Map<String, String> properties, Map<String, String> environment, String... args) {
        List<String> command = options();
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SubmodelUq.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
