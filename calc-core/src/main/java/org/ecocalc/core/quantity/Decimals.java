package org.ecocalc.core.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import org.ecocalc.core.internal.Texts;

/**
 * The decimal rules of ecocalc, in one place.
 *
 * <ul>
 *   <li>{@link #MATH_CONTEXT}: the one context of the calculation path, IEEE 754 decimal128
 *       (34 significant digits, {@link RoundingMode#HALF_EVEN}). Sums never use it (they are
 *       exact); a division uses it once.</li>
 *   <li>Input limits: a decimal read from telemetry has at most {@value #MAX_INPUT_DIGITS}
 *       significant digits, at most {@value #MAX_INPUT_INTEGER_DIGITS} digits before the point
 *       and at most {@value #MAX_INPUT_SCALE} after it. That is far beyond any meter, keeps every
 *       value exact in {@link #MATH_CONTEXT}, and guarantees that a unit conversion round-trips
 *       exactly (see {@link Unit#fromCanonical(BigDecimal)}).</li>
 *   <li>Presentation: {@link #display(BigDecimal, int)} rounds half-even to a fixed number of
 *       decimal places, only when printing. Stored and hashed values are never rounded for
 *       presentation.</li>
 * </ul>
 */
public final class Decimals {
    /** The math context of every division in the calculation path: decimal128, half-even. */
    public static final MathContext MATH_CONTEXT = MathContext.DECIMAL128;
    /** The rounding rule for presentation: half-even (unbiased, as IEEE 754). */
    public static final RoundingMode DISPLAY_ROUNDING = RoundingMode.HALF_EVEN;
    /** Most significant digits accepted in an input decimal: the precision of decimal128. */
    public static final int MAX_INPUT_DIGITS = 34;
    /** Most digits before the decimal point accepted in an input decimal. */
    public static final int MAX_INPUT_INTEGER_DIGITS = 21;
    /** Most digits after the decimal point accepted in an input decimal. */
    public static final int MAX_INPUT_SCALE = 48;
    /**
     * Inputs with at most this many significant digits survive a conversion to the canonical unit
     * and back exactly ({@link Unit#fromCanonical(BigDecimal)}).
     */
    public static final int EXACT_ROUND_TRIP_DIGITS = 30;

    private static final int MAX_TEXT_LENGTH = 80;


    private Decimals() {
    }

    /**
     * Parses a decimal string exactly. The grammar is plain notation,
     * {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} (no exponent, no spaces, no comma, no NaN), with at most
     * {@value #MAX_INPUT_INTEGER_DIGITS} digits before the point, {@value #MAX_INPUT_SCALE} after it
     * and {@value #MAX_INPUT_DIGITS} in all. It is the form of decimals in canonical JSON.
     *
     * @throws NumberFormatException if the text is not a plain decimal (the message says why)
     * @throws ArithmeticException   if it has too many digits
     */
    public static BigDecimal parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!isPlainDecimal(text)) {
            throw new NumberFormatException("not a plain decimal number: \"" + Texts.abbreviate(text) + "\"");
        }
        int significant = 0;
        int intDigits = 0;
        int fracDigits = -1;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fracDigits = 0;
            } else if (c != '-') {
                if (fracDigits >= 0) {
                    fracDigits++;
                } else {
                    intDigits++;
                }
                if (c != '0') {
                    leading = false;
                }
                if (!leading) {
                    significant++;
                }
            }
        }
        if (intDigits > MAX_INPUT_INTEGER_DIGITS) {
            throw new ArithmeticException("is too large: at most " + MAX_INPUT_INTEGER_DIGITS
                    + " digits before the decimal point are accepted");
        }
        if (fracDigits > MAX_INPUT_SCALE) {
            throw new ArithmeticException("has too many decimals: at most " + MAX_INPUT_SCALE
                    + " digits after the decimal point are accepted");
        }
        if (significant > MAX_INPUT_DIGITS) {
            throw new ArithmeticException("has " + significant + " significant digits; at most " + MAX_INPUT_DIGITS
                    + " are accepted");
        }
        return normalize(new BigDecimal(text));
    }

    /**
     * Checks the input limits of a decimal that was parsed elsewhere (for example a JSON number
     * read exactly by Jackson) and returns it with trailing zeros stripped: at most
     * {@value #MAX_INPUT_DIGITS} significant digits, {@value #MAX_INPUT_INTEGER_DIGITS} before the
     * point and {@value #MAX_INPUT_SCALE} after it.
     *
     * @throws ArithmeticException if it is outside the input limits
     */
    public static BigDecimal checkInputLimits(BigDecimal value) {
        BigDecimal v = normalize(value);
        if (v.signum() == 0) {
            return v;
        }
        int precision = v.precision();
        int scale = v.scale();
        if (precision - scale > MAX_INPUT_INTEGER_DIGITS) {
            throw new ArithmeticException("is too large: at most " + MAX_INPUT_INTEGER_DIGITS
                    + " digits before the decimal point are accepted");
        }
        if (scale > MAX_INPUT_SCALE) {
            throw new ArithmeticException("has too many decimals: at most " + MAX_INPUT_SCALE
                    + " digits after the decimal point are accepted");
        }
        if (precision > MAX_INPUT_DIGITS) {
            throw new ArithmeticException("has " + precision + " significant digits; at most "
                    + MAX_INPUT_DIGITS + " are accepted");
        }
        return v;
    }

    /** Whether {@code text} is a plain decimal: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}. */
    public static boolean isPlainDecimal(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_TEXT_LENGTH) {
            return false;
        }
        int i = 0;
        if (text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value with trailing zeros stripped ({@code 0.00} becomes {@code 0}). */
    public static BigDecimal normalize(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** {@code dividend / divisor} rounded once with {@link #MATH_CONTEXT}, trailing zeros stripped. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return normalize(dividend.divide(divisor, MATH_CONTEXT));
    }

    /** {@code 100 × part / whole}, rounded once with {@link #MATH_CONTEXT}. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return divide(part.scaleByPowerOfTen(2), whole);
    }

    /**
     * The canonical text of a decimal: plain notation, trailing zeros stripped ({@code "1.5"},
     * never {@code "1.50"} or {@code "1.5E0"}). This is how decimals appear in canonical JSON.
     */
    public static String toCanonicalString(BigDecimal value) {
        return normalize(value).toPlainString();
    }

    /**
     * Rounds for presentation only: half-even to {@code decimalPlaces} places, plain notation.
     * Never use the result in a calculation.
     */
    public static String display(BigDecimal value, int decimalPlaces) {
        return value.setScale(decimalPlaces, DISPLAY_ROUNDING).toPlainString();
    }
}
