package org.submodeluq.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build that result files record. */
public final class BuildInfo {

    private static final Properties PROPERTIES = read(BuildInfo.class, "build.properties");

    private BuildInfo() {
    }

    /** The project version, as in the POM. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /**
     * A properties file the build filled in (versions), beside {@code anchor}'s class file; empty when the
     * classes run unpackaged without it.
     */
    public static Properties read(Class<?> anchor, String resource) {
        Properties properties = new Properties();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
