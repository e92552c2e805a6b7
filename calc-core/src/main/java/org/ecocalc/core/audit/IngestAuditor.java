package org.ecocalc.core.audit;

import java.util.Objects;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.report.DatasetDigest;
import org.ecocalc.core.telemetry.RecordLocation;
import org.ecocalc.core.telemetry.RecordProblem;
import org.ecocalc.core.telemetry.TelemetryHandler;
import org.ecocalc.core.telemetry.TelemetryRecord;

/**
 * A {@link TelemetryHandler} that writes the ingest events of a read to an {@link AuditLog}, as an
 * ingest host sees them, record by record: the first copy of a key is accepted; a later copy with
 * the same content is a duplicate; a later copy with other content is rejected
 * ({@code conflicting_duplicate}); a record refused by the reader is rejected with its problem.
 * Warnings (the record is still used) are not logged. Not thread-safe.
 */
public final class IngestAuditor implements TelemetryHandler {
    private final AuditLog log;
    private final String actor;
    private final DatasetDigest seen = new DatasetDigest();

    /**
     * @param log   the log to append to
     * @param actor who ingests (a service or user name), or null
     */
    public IngestAuditor(AuditLog log, String actor) {
        this.log = Objects.requireNonNull(log, "log");
        this.actor = actor;
    }

    @Override
    public void onRecord(TelemetryRecord record, RecordLocation where) {
        String digest = DatasetDigest.recordDigest(record);
        switch (seen.add(record)) {
            case NEW:
                log.append(AuditEvent.ingestAccepted(actor, record.key(), digest, where.source()));
                break;
            case DUPLICATE:
                log.append(AuditEvent.duplicateRejected(actor, record.key(), digest, where.source()));
                break;
            default:
                log.append(AuditEvent.ingestRejected(actor, new RecordProblem(where, record.key(),
                        Problem.error(ErrorCode.CONFLICTING_DUPLICATE, "", "the idempotency key was seen before with "
                                + "other contents (record " + digest + ")"))));
                break;
        }
    }

    @Override
    public void onProblem(RecordProblem problem) {
        if (problem.isError()) {
            log.append(AuditEvent.ingestRejected(actor, problem));
        }
    }
}
