/**
 * Exact quantities and units: {@link org.ecocalc.core.quantity.Quantity},
 * {@link org.ecocalc.core.quantity.Unit}, {@link org.ecocalc.core.quantity.Dimension} and the
 * decimal rules of {@link org.ecocalc.core.quantity.Decimals}. Every conversion constant is
 * cited in {@code docs/units.md}.
 */
package org.ecocalc.core.quantity;
