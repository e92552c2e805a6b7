package org.ecocalc.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecocalc.examples.host.EventStore;
import org.ecocalc.examples.host.HostConfig;
import org.ecocalc.examples.host.ReferenceHost;
import org.ecocalc.sdk.FlushResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart runs against the reference host, twice: the second run is all duplicates. */
class QuickstartTest {
    @TempDir
    Path dir;

    @Test
    void runsAgainstTheReferenceHost() throws Exception {
        try (ReferenceHost host = ReferenceHost.start(HostConfig.builder().port(0).dataDir(dir.resolve("host"))
                .apiKey("dev-key", "dev-secret-change-me").logOut(new StringBuilder()).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FlushResult r = Quickstart.run(host.uri(), "dev-key", "dev-secret-change-me", dir.resolve("spool"),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(r).isEqualTo(FlushResult.ACKNOWLEDGED);
            // 20 LLM calls + 1 GPU job + 24 hourly records = 45 events.
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("tracked 45, sent 45 (of which duplicates 0)");
            assertThat(host.store().size(EventStore.Kind.USAGE)).isEqualTo(21);
            assertThat(host.store().size(EventStore.Kind.TELEMETRY)).isEqualTo(24);

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            Quickstart.run(host.uri(), "dev-key", "dev-secret-change-me", dir.resolve("spool"),
                    new PrintStream(again, true, StandardCharsets.UTF_8));
            assertThat(again.toString(StandardCharsets.UTF_8)).contains("tracked 45, sent 45 (of which duplicates 45)");
            assertThat(host.store().size(EventStore.Kind.USAGE)).isEqualTo(21);
        }
    }
}
