/**
 * The ecocalc SDK: {@link org.ecocalc.sdk.EcoCalcClient} tracks {@link org.ecocalc.sdk.TelemetryRecord}s
 * and {@link org.ecocalc.sdk.UsageEvent}s to any host that speaks the ecocalc ingestion protocol
 * ({@code docs/ingestion-protocol.md}), with batching, retries, a disk spool and request signing.
 * The contract is in {@code docs/sdk.md} and in the class Javadoc of {@code EcoCalcClient}.
 *
 * <h2>Conventions of this API</h2>
 * <ul>
 *   <li>This package is the whole API; every other class in it is package-private. The jar's
 *       {@code Automatic-Module-Name} is {@code org.ecocalc.sdk}.</li>
 *   <li>Events and settings are immutable and checked when built: an invalid event throws
 *       {@link org.ecocalc.sdk.InvalidEventException} naming the field by JSON Pointer; an invalid
 *       setting throws {@link java.lang.IllegalArgumentException} (at the setter) or
 *       {@link java.lang.IllegalStateException} (at {@code build()}), with the offending value.</li>
 *   <li>A {@code null} argument throws {@link java.lang.NullPointerException} unless its
 *       documentation says it may be null.</li>
 *   <li>Decimals are plain-notation strings or {@link java.math.BigDecimal}s, never doubles;
 *       counts are {@code long}s; times are {@link java.time.Instant}s (written in UTC) or
 *       {@link java.time.OffsetDateTime}s (written with their offset).</li>
 *   <li>Secrets (the API key, the signing secret) never appear in logs, exceptions or
 *       {@code toString()}.</li>
 * </ul>
 */
package org.ecocalc.sdk;
