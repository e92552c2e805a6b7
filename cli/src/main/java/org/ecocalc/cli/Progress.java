package org.ecocalc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error, shown only when standard error is a terminal and only once
 * the input has taken more than a second. Redrawn at most five times a second.
 */
final class Progress implements LongConsumer {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long total;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long started;
    private long done;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, long totalBytes, boolean enabled) {
        this(err, totalBytes, enabled, System::nanoTime);
    }

    Progress(PrintWriter err, long totalBytes, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.total = totalBytes;
        this.enabled = enabled && totalBytes > 0;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    /** Whether standard error is a terminal: told by the launcher, or guessed from the console. */
    static boolean stderrIsTerminal() {
        String told = System.getenv("ECOCALC_STDERR_TTY");
        if (told != null) {
            return told.equals("1");
        }
        return System.console() != null;
    }

    @Override
    public void accept(long bytes) {
        done += bytes;
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - started < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(now);
    }

    private void draw(long now) {
        long pct = Math.min(100, done * 100 / total);
        int filled = (int) (pct * WIDTH / 100);
        double seconds = (now - started) / 1e9;
        String rate = String.format(Locale.ROOT, "%.1f MB/s", done / 1e6 / Math.max(seconds, 1e-9));
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + pct + "% " + rate + "   ");
        err.flush();
        drawn = true;
    }

    /** Clears the bar, if one was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
            err.flush();
        }
    }
}
