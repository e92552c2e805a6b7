package org.ecocalc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example in README.md compiles against calc-core and runs on the example data. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a java code block").isTrue();
        String source = m.group(1);
        assertThat(source.lines().filter(l -> !l.isBlank()).count()).as("a short example").isLessThanOrEqualTo(16);
        Matcher cls = Pattern.compile("public class (\\w+)").matcher(source);
        assertThat(cls.find()).isTrue();
        Path file = dir.resolve(cls.group(1) + ".java");
        Files.writeString(file, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d",
                dir.toString(), file.toString());
        assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(cls.group(1)).getMethod("main", String[].class);
            String out = capture(() -> main.invoke(null, (Object) new String[] {
                Path.of("..", "examples", "data", "benchmark-telemetry.json").toString()}));
            // One line per facility-month: fra-1 and sto-1 in March 2026 (examples/data/README.md).
            assertThat(out.lines().toList()).hasSize(2);
            assertThat(out).contains("fra-1 2026-03-01T00:00:00Z efficiency.pue = 1.309565217391304347826086956521739")
                    .contains("sto-1 2026-03-01T00:00:00Z efficiency.pue = 1.105035971223021582733812949640288");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String capture(Action a) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            a.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

}
