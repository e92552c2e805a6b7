package org.ecocalc.core.audit;

import java.util.List;

/**
 * What {@link AuditLog#verify} found.
 *
 * @param lines    how many lines were read
 * @param head     the {@code hash} of the last intact line of the chain ({@link AuditEntry#GENESIS}
 *                 for an empty log): record it elsewhere to detect a later truncation
 * @param problems each break of the chain, with its line number; empty when intact
 */
public record AuditLogVerification(long lines, String head, List<Break> problems) {
    public AuditLogVerification {
        problems = List.copyOf(problems);
    }

    /**
     * One break in the chain.
     *
     * @param line    the line number (from 1)
     * @param message what is wrong, such as "prev does not match the hash of line 2: a line was
     *                edited, removed, inserted or moved before it"
     */
    public record Break(long line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** Whether the log is intact (no break). */
    public boolean isIntact() {
        return problems.isEmpty();
    }
}
