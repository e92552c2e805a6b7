package org.ecocalc.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The name and version of this engine, as recorded in every report and run manifest. */
public final class Engine {
    /** The engine name: {@value}. */
    public static final String NAME = "ecocalc";
    /** The engine version (the Maven project version it was built as). */
    public static final String VERSION = load();

    private Engine() {
    }

    private static String load() {
        try (InputStream in = Engine.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing org/ecocalc/core/engine.properties");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
