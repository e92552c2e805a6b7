package org.ecocalc.sdk;

/**
 * A snapshot of a client's counters since it was built. Counts are of events unless named
 * otherwise; each is read on its own, so the snapshot is not atomic across counters.
 *
 * @param tracked      events accepted by {@code track()}
 * @param queued       events in memory now, waiting for the journal thread
 * @param spooled      events written to the spool and forced to disk
 * @param sent         events the host acknowledged: accepted, or refused as duplicates
 * @param duplicates   of {@code sent}, those the host refused as duplicates (409)
 * @param retried      failed delivery attempts that were retried (requests, not events)
 * @param deadLettered events the host refused for good, written to the dead-letter file
 * @param dropped      events accepted by {@code track()} that could not be journaled (see {@link DropReason})
 * @param spoolBytes   bytes of events in the spool not yet acknowledged (what the spool cap bounds)
 */
public record ClientStats(long tracked, long queued, long spooled, long sent, long duplicates, long retried,
        long deadLettered, long dropped, long spoolBytes) {
}
