/**
 * The ecocalc engine: auditable sustainability numbers from data-centre telemetry.
 *
 * <h2>Conventions of this API</h2>
 * <ul>
 *   <li><b>Value types</b> are immutable records or final classes, created by static factories
 *       ({@code of}, {@code parse}, {@code from}) or builders ({@code Type.builder()...build()}).
 *       Accessors use the component name; derived values use {@code to}, {@code is}, {@code with},
 *       {@code plus}, as in {@code java.time}.</li>
 *   <li><b>Null rule</b>: a {@code null} argument throws {@link java.lang.NullPointerException}
 *       unless the parameter's documentation says it may be null. Accessors documented as
 *       "or null when absent" return null for absent optional telemetry fields.</li>
 *   <li><b>Arithmetic rule</b>: every value in the calculation path is a
 *       {@link java.math.BigDecimal}. Sums are exact (no {@code MathContext}); a division or a
 *       conversion by a non-terminating factor rounds once, with
 *       {@link org.ecocalc.core.quantity.Decimals#MATH_CONTEXT} (IEEE 754 decimal128: 34
 *       significant digits, half-even). Values are held with trailing zeros stripped, so
 *       {@code 1.50} and {@code 1.5} are equal. No {@code double} or {@code float} reaches a
 *       result, a hash or a comparison.</li>
 *   <li><b>No ambient state</b>: no clock, default time zone, default locale, random numbers or
 *       hash-order iteration. Time is {@link java.time.Instant} in UTC; a "now" is always a
 *       parameter.</li>
 *   <li><b>Errors</b> are unchecked {@link org.ecocalc.core.EcoCalcException}s carrying a stable
 *       {@link org.ecocalc.core.ErrorCode}; bad telemetry names the field by JSON Pointer.
 *       Messages are formatted with {@link java.util.Locale#ROOT}.</li>
 * </ul>
 */
package org.ecocalc.core;
