package org.ecocalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private long now;

    @Test
    void silentForTheFirstSecondThenDrawsAndClears() {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), 1000, true, () -> now);
        now = 500_000_000L;
        p.accept(100);
        assertThat(s.toString()).isEmpty();
        now = 1_500_000_000L;
        p.accept(400);
        // 500 of 1000 bytes: 50 %, 15 of 30 cells.
        assertThat(s.toString()).startsWith("\r[" + "#".repeat(15) + " ".repeat(15) + "] 50% ");
        p.finish();
        assertThat(s.toString()).endsWith("\r");
    }

    @Test
    void neverDrawsWhenStandardErrorIsNotATerminal() {
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), 1000, false, () -> now);
        now = 5_000_000_000L;
        p.accept(1000);
        p.finish();
        assertThat(s.toString()).isEmpty();
    }
}
