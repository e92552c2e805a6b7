package org.ecocalc.core.factor;

import java.util.List;
import java.util.Objects;
import org.ecocalc.core.EcoCalcException;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;

/**
 * A factor pack was refused: it breaks the schema or the loader's checks
 * ({@link ErrorCode#FACTOR_PACK_INVALID}, with one {@link Problem} per finding, each naming the
 * field by JSON Pointer), its digest does not match ({@link ErrorCode#FACTOR_PACK_DIGEST_MISMATCH}),
 * it is already loaded ({@link ErrorCode#FACTOR_PACK_DUPLICATE}), or it cannot be read
 * ({@link ErrorCode#INPUT_UNREADABLE}, {@link ErrorCode#MALFORMED_JSON}).
 */
public final class FactorPackException extends EcoCalcException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception with a code and message and no per-field problems. */
    public FactorPackException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    /** An exception with a code, message, the per-field problems and a cause (may be null). */
    public FactorPackException(ErrorCode code, String message, List<Problem> problems, Throwable cause) {
        super(code, message, cause);
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** The per-field problems (JSON Pointers into the pack); empty when the pack as a whole is refused. */
    public List<Problem> problems() {
        return problems;
    }
}
