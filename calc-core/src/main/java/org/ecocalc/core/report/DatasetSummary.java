package org.ecocalc.core.report;

import java.util.List;
import org.ecocalc.core.telemetry.IdempotencyKey;

/**
 * The activity data set a report was computed from.
 *
 * @param digest     {@code sha256:} over the records used (see {@link DatasetDigest})
 * @param records    how many distinct records were used
 * @param duplicates how many exact repeats were ignored
 * @param conflicts  keys that appeared with different contents; none of their records was used
 */
public record DatasetSummary(String digest, long records, long duplicates, List<IdempotencyKey> conflicts) {
    public DatasetSummary {
        conflicts = List.copyOf(conflicts);
    }
}
