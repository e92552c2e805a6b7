/** The sustainability scorecard ({@code score.*}): settings and formula in {@code docs/methodology.md}. */
package org.ecocalc.core.score;
