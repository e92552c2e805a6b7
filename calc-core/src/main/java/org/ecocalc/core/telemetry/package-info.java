/**
 * Telemetry record v1: the model ({@link org.ecocalc.core.telemetry.TelemetryRecord} and its
 * blocks), its JSON reader ({@link org.ecocalc.core.telemetry.TelemetryReader}, streaming, with
 * JSON Schema validation) and its errors. Every record that exists is valid: amounts are
 * normalised to canonical units and checked when the record is built, whether by the reader or
 * by a builder. The format is specified by {@code docs/schemas/telemetry-record.v1.json} and
 * described in {@code docs/telemetry-format.md}.
 */
package org.ecocalc.core.telemetry;
