package org.ecocalc.core.validate;

import java.util.List;
import java.util.Locale;
import org.ecocalc.core.internal.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link ReportValidator} found, in a fixed order: reading, schema, then the consistency rules
 * in the order of {@code docs/validation.md}, groups in report order. Immutable. The report is
 * {@linkplain #isValid() valid} when no finding is an error; warnings and infos do not invalidate it.
 *
 * @param findings every finding
 */
public record Validation(List<Finding> findings) {
    /** The format of {@link #toJson()}: {@value}. */
    public static final String FORMAT = "ecocalc.validation/1";

    public Validation {
        findings = List.copyOf(findings);
    }

    /** Whether no finding is an error. */
    public boolean isValid() {
        return count(Finding.Severity.ERROR) == 0;
    }

    /** The findings of one severity, in order. */
    public List<Finding> findings(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings with one code, in order. */
    public List<Finding> findings(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    /** How many findings have this severity. */
    public long count(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /**
     * The findings as JSON ({@value #FORMAT}, {@code docs/schemas/validation.v1.json}): {@code valid},
     * the count per severity and each finding (severity, code, pointer, message). Pretty, LF.
     */
    public String toJson() {
        ObjectNode n = Json.object();
        n.put("format", FORMAT);
        n.put("valid", isValid());
        ObjectNode counts = n.putObject("counts");
        for (Finding.Severity s : Finding.Severity.values()) {
            counts.put(s.id(), count(s));
        }
        ArrayNode list = n.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("severity", f.severity().id());
            o.put("code", f.code().id());
            o.put("pointer", f.pointer());
            o.put("message", f.message());
        }
        return Json.pretty(n);
    }

    /** One line per finding, then a summary line ({@code valid: 0 errors, 0 warnings, 1 info}). */
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append(String.format(Locale.ROOT, "%-7s %s %s: %s\n", f.severity().id(), f.code().id(),
                    f.pointer().isEmpty() ? "(root)" : f.pointer(), f.message()));
        }
        b.append(isValid() ? "valid: " : "INVALID: ").append(summary()).append('\n');
        return b.toString();
    }

    /** {@code 0 errors, 1 warning, 2 infos}. */
    public String summary() {
        return plural(count(Finding.Severity.ERROR), "error") + ", " + plural(count(Finding.Severity.WARNING), "warning")
                + ", " + plural(count(Finding.Severity.INFO), "info");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "Validation[" + (isValid() ? "valid" : "invalid") + ": " + summary() + "]";
    }
}
