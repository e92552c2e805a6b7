/**
 * Golden test vectors ({@code ecocalc.test-vector/1}, {@code docs/test-vectors.md}): the
 * {@link org.ecocalc.core.vectors.TestVector} format, checked against
 * {@code docs/schemas/test-vector.v1.json}, and the {@link org.ecocalc.core.vectors.VectorRunner}
 * that the {@code test-vectors} module and {@code ecocalc vectors} run, for telemetry records, AI usage
 * events ({@code "input_kind": "usage_event"}), alerts ({@code "alert"}), the what-if simulator
 * ({@code "scenario"}) and report validation ({@code "report_validation"}). The conventions of
 * {@link org.ecocalc.core} apply.
 */
package org.ecocalc.core.vectors;
