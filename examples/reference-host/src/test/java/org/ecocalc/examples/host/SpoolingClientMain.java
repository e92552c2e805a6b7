package org.ecocalc.examples.host;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.ecocalc.sdk.EcoCalcClient;
import org.ecocalc.sdk.FlushResult;

/**
 * The client process of {@link SdkKillTest}, run in its own JVM.
 * {@code track <endpoint> <spool> <flushEvery>}: tracks {@code killed/h0, h1, ...} without end,
 * flushing every {@code flushEvery} events and printing {@code FLUSHED n} after each flush that
 * returned a durable result (events 0..n-1 are safe), until it is killed.
 * {@code drain <endpoint> <spool>}: replays the spool, prints {@code DRAINED} once the host has
 * acknowledged everything, and exits.
 */
public final class SpoolingClientMain {
    private SpoolingClientMain() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        EcoCalcClient client = HostFixture.client(URI.create(args[1]), Path.of(args[2]))
                .queueCapacity(200_000).build();
        if (mode.equals("drain")) {
            FlushResult r = client.flush(Duration.ofSeconds(60));
            System.out.println(r == FlushResult.ACKNOWLEDGED ? "DRAINED" : "NOT DRAINED " + r);
            client.close(Duration.ofSeconds(5));
            System.exit(r == FlushResult.ACKNOWLEDGED ? 0 : 1);
        }
        int flushEvery = Integer.parseInt(args[3]);
        for (int i = 0;; i++) {
            client.track(Events.hour("killed", i));
            if ((i + 1) % flushEvery == 0) {
                FlushResult r = client.flush(Duration.ofMillis(200));
                if (r.isDurable()) {
                    System.out.println("FLUSHED " + (i + 1));
                    System.out.flush();
                }
            }
        }
    }
}
