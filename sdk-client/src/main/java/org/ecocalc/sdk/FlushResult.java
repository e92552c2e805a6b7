package org.ecocalc.sdk;

/** What {@link EcoCalcClient#flush} and {@link EcoCalcClient#close} achieved within their timeout. */
public enum FlushResult {
    /**
     * The host answered for every event tracked before the call: each was accepted, refused as a
     * duplicate (counted as delivered), or refused for good and written to the dead-letter file.
     */
    ACKNOWLEDGED,
    /**
     * Every event tracked before the call is in the spool, forced to disk; some wait for the host.
     * They are delivered when it answers, by this client or, after a restart, by the next client
     * on the same spool directory.
     */
    JOURNALED,
    /** The timeout passed before every event tracked before the call reached the spool. */
    INCOMPLETE;

    /** Whether every event tracked before the call is safe: acknowledged or journaled. */
    public boolean isDurable() {
        return this != INCOMPLETE;
    }
}
