package org.ecocalc.core.telemetry;

/**
 * Counts of one read.
 *
 * @param sources  files (or streams) read
 * @param records  records seen, valid or not
 * @param accepted records delivered
 * @param rejected records refused
 * @param warnings warning-level problems reported for delivered records
 * @param bytes    bytes read
 */
public record ReadSummary(long sources, long records, long accepted, long rejected, long warnings, long bytes) {
    /** No records. */
    public static final ReadSummary EMPTY = new ReadSummary(0, 0, 0, 0, 0, 0);

    /** The sum of two summaries. */
    public ReadSummary plus(ReadSummary o) {
        return new ReadSummary(sources + o.sources, records + o.records, accepted + o.accepted,
                rejected + o.rejected, warnings + o.warnings, bytes + o.bytes);
    }
}
