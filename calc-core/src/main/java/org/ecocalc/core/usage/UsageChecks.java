package org.ecocalc.core.usage;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ecocalc.core.ErrorCode;
import org.ecocalc.core.Problem;
import org.ecocalc.core.quantity.Decimals;

/**
 * The rules of {@code usage-event.v1.json}, one method per field kind, shared by the event's
 * builder and the JSON mapper so that both refuse the same events with the same pointers.
 */
final class UsageChecks {
    /** A facility id, as a source id: {@value}. */
    static final String FACILITY_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    static final String ATTRIBUTE_NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_.:-]{0,63}$";
    /** Plain non-negative decimal, at most 21 digits before the point and 24 after, 31 characters in all. */
    static final String DECIMAL_PATTERN = "^(?=[0-9.]{1,31}$)(0|[1-9][0-9]{0,20})(\\.[0-9]{1,24})?$";
    static final int MAX_LABEL = 128;
    static final int MAX_NAME = 64;
    static final int MAX_ATTRIBUTES = 32;
    static final int MAX_ATTRIBUTE_VALUE = 256;

    private static final Pattern FACILITY = Pattern.compile(FACILITY_PATTERN);
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile(ATTRIBUTE_NAME_PATTERN);
    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_PATTERN);
    private static final String[] CONTENT_WORDS = {"prompt", "completion", "message", "content"};

    private UsageChecks() {
    }

    /** A label (provider, model, accelerator, organisation, team, user): 1 to 128 characters, no control characters. */
    static Problem label(String value, String pointer) {
        return text(value, pointer, MAX_LABEL);
    }

    /** A name (region, grid zone): 1 to 64 characters, no control characters. */
    static Problem name(String value, String pointer) {
        return text(value, pointer, MAX_NAME);
    }

    private static Problem text(String value, String pointer, int max) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > max || hasControl(value)) {
            return Problem.error(ErrorCode.WRONG_TYPE, pointer, field(pointer) + " must be 1 to " + max
                    + " characters without control characters");
        }
        return null;
    }

    static Problem facility(String value) {
        if (value != null && !FACILITY.matcher(value).matches()) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/facility_id",
                    "facility_id must be 1 to 128 letters, digits or . _ : @ - (starting with a letter or digit)");
        }
        return null;
    }

    static Problem country(String value) {
        if (value != null && !COUNTRY.matcher(value).matches()) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/country",
                    "country must be an ISO 3166-1 alpha-2 code in capitals, such as \"DE\"");
        }
        return null;
    }

    static Problem count(Long value, String pointer) {
        if (value != null && value < 0) {
            return Problem.error(ErrorCode.NEGATIVE_VALUE, pointer, field(pointer) + " must not be negative (got "
                    + value + ")");
        }
        return null;
    }

    /** A GPU-seconds amount: a non-negative decimal within the schema's digit limits. */
    static Problem gpuSeconds(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            return Problem.error(ErrorCode.NEGATIVE_VALUE, "/gpu_seconds", "gpu_seconds must not be negative");
        }
        if (!DECIMAL.matcher(Decimals.toCanonicalString(value)).matches()) {
            return Problem.error(ErrorCode.VALUE_OUT_OF_RANGE, "/gpu_seconds",
                    "gpu_seconds has at most 21 digits before the point and 24 after it");
        }
        return null;
    }

    /** Whether a decimal string is the schema's non-negative plain decimal. */
    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /** An attribute name: pattern, and never a word that could carry content. */
    static Problem attributeName(String name) {
        String pointer = "/attributes/" + escape(name);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String w : CONTENT_WORDS) {
            if (lower.contains(w)) {
                return Problem.error(ErrorCode.CONTENT_ATTRIBUTE, pointer, "attribute names containing \"" + w
                        + "\" are refused: a usage event never carries prompt or completion content");
            }
        }
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            return Problem.error(ErrorCode.WRONG_TYPE, pointer, "an attribute name is a letter then up to 63 letters,"
                    + " digits or _ . : -");
        }
        return null;
    }

    static Problem attributeValue(String name, String value) {
        if (value.length() > MAX_ATTRIBUTE_VALUE || hasControl(value)) {
            return Problem.error(ErrorCode.WRONG_TYPE, "/attributes/" + escape(name), "an attribute value is at most "
                    + MAX_ATTRIBUTE_VALUE + " characters without control characters");
        }
        return null;
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String field(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
