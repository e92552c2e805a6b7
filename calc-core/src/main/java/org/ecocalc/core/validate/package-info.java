/**
 * Report validation: {@link org.ecocalc.core.validate.ReportValidator#validate(String)} checks a
 * report JSON ({@code ecocalc.report/1}, with or without its run manifest) against its published
 * schema ({@code docs/schemas/report.v1.json}), then against the engine's consistency rules
 * (totals equal their parts, PUE at least 1, dual Scope 2 reporting, carbon numbers citing
 * versioned factors, manifest hashes), and lists every {@link org.ecocalc.core.validate.Finding}
 * with a severity, a stable code and the JSON Pointer of the member concerned. The rules and their
 * sources are in {@code docs/validation.md}. The conventions of {@link org.ecocalc.core} apply.
 */
package org.ecocalc.core.validate;
