package org.ecocalc.core.alert;

/**
 * Receives each alert as it is raised, in the order of {@link Alerts#evaluate}. A sink is where
 * alerts leave the pure calculation: a log, a queue, a pager, or the audit log. With the
 * append-only audit log ({@code org.ecocalc.core.audit}), wiring is one line:
 * <pre>{@code
 * AlertSink sink = a -> auditLog.append(AuditEvent.of(AuditEventType.ALERT, "ecocalc-alerts", AlertJson.auditData(a)));
 * }</pre>
 * A sink that throws stops the evaluation; the exception reaches the caller.
 */
@FunctionalInterface
public interface AlertSink {
    /** Receives one alert. */
    void accept(Alert alert);
}
