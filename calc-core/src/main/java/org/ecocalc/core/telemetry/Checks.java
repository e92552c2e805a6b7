package org.ecocalc.core.telemetry;

import java.math.BigDecimal;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Decimals;
import org.ecocalc.core.quantity.Dimension;
import org.ecocalc.core.quantity.Quantity;

/** The invariants every record component enforces, shared by constructors and the reader. */
final class Checks {
    private Checks() {
    }

    /** Null, or the amount in its canonical unit after checking dimension and sign. */
    static Quantity amount(Quantity q, Dimension dimension, String pointer) {
        if (q == null) {
            return null;
        }
        Problem p = amountProblem(q, dimension, pointer);
        if (p != null) {
            throw new InvalidTelemetryException(p);
        }
        return q.toCanonical();
    }

    static Problem amountProblem(Quantity q, Dimension dimension, String pointer) {
        if (q.dimension() != dimension) {
            return Problem.error(ErrorCode.UNIT_DIMENSION_MISMATCH, pointer + "/unit", "\"" + q.unit().symbol()
                    + "\" is a unit of " + q.dimension().label() + ", not " + dimension.label());
        }
        if (q.isNegative()) {
            return Problem.error(ErrorCode.NEGATIVE_VALUE, pointer + "/value", dimension.label()
                    + " must not be negative (got " + Decimals.toCanonicalString(q.value()) + ")");
        }
        return null;
    }

    /** Null, or a non-negative decimal; whole when {@code whole} is set. */
    static BigDecimal count(BigDecimal v, boolean whole, String pointer) {
        if (v == null) {
            return null;
        }
        Problem p = countProblem(v, whole, pointer);
        if (p != null) {
            throw new InvalidTelemetryException(p);
        }
        return Decimals.normalize(v);
    }

    static Problem countProblem(BigDecimal v, boolean whole, String pointer) {
        if (v.signum() < 0) {
            return Problem.error(ErrorCode.NEGATIVE_VALUE, pointer, "a count must not be negative (got "
                    + Decimals.toCanonicalString(v) + ")");
        }
        if (whole && Decimals.normalize(v).scale() > 0) {
            return Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "must be a whole number (got "
                    + Decimals.toCanonicalString(v) + ")");
        }
        return null;
    }

    /** Null, or a percentage in [0, 100]. */
    static BigDecimal percent(BigDecimal v, String pointer) {
        if (v == null) {
            return null;
        }
        Problem p = percentProblem(v, pointer);
        if (p != null) {
            throw new InvalidTelemetryException(p);
        }
        return Decimals.normalize(v);
    }

    static Problem percentProblem(BigDecimal v, String pointer) {
        if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
            return Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, pointer, "a percentage must be between 0 and 100 (got "
                    + Decimals.toCanonicalString(v) + ")");
        }
        return null;
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
}
