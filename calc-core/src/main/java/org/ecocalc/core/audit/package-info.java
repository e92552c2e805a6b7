/**
 * Audit trail and audit pack: an append-only, hash-chained JSON Lines
 * {@link org.ecocalc.core.audit.AuditLog} of ingest, duplicate, calculation and alert events with
 * its verifier, and the deterministic {@link org.ecocalc.core.audit.AuditPack} zip an auditor
 * receives, with its verifier. Formats: {@code docs/audit-log.md}, {@code docs/audit-pack.md}.
 * The conventions of {@link org.ecocalc.core} apply; time comes from an injected
 * {@link java.time.Clock} or an explicit {@link java.time.Instant}.
 */
package org.ecocalc.core.audit;
