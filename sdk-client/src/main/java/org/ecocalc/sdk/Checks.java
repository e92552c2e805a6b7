package org.ecocalc.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of the two event schemas, checked when an event is built. */
final class Checks {
    /** {@code source_id} and {@code facility_id}: as in telemetry-record.v1.json. */
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$");
    static final int MAX_EVENT_ID_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_LABEL_LENGTH = 128;
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern DECIMAL = Pattern.compile("^(?=[0-9.]{1,31}$)(0|[1-9][0-9]{0,20})(\\.[0-9]{1,24})?$");
    private static final Pattern PERCENT = Pattern.compile("^(100(\\.0{1,24})?|[1-9]?[0-9](\\.[0-9]{1,24})?)$");

    private Checks() {
    }

    static InvalidEventException invalid(String pointer, String message) {
        return new InvalidEventException(pointer, message);
    }

    static String id(String value, String pointer, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(pointer, "is required");
            }
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw invalid(pointer, "must be 1 to 128 letters, digits or . _ : @ - (starting with a letter or digit)");
        }
        return value;
    }

    static String eventId(String value, String pointer) {
        if (value == null || value.isEmpty()) {
            throw invalid(pointer, "is required");
        }
        text(value, pointer, MAX_EVENT_ID_LENGTH, true);
        return value;
    }

    /** A name without control characters, 1 to {@code max} characters; null passes when optional. */
    static String text(String value, String pointer, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(pointer, "is required");
            }
            return null;
        }
        if (value.isEmpty() || value.length() > max) {
            throw invalid(pointer, "must be 1 to " + max + " characters");
        }
        noControl(value, pointer);
        return value;
    }

    static void noControl(String value, String pointer) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                throw invalid(pointer, "must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pair) {
                    throw invalid(pointer, "must not contain an unpaired surrogate");
                }
                i++;
            }
        }
    }

    static String country(String value, String pointer) {
        if (value != null && !COUNTRY.matcher(value).matches()) {
            throw invalid(pointer, "must be an ISO 3166-1 alpha-2 code in capitals, such as DE");
        }
        return value;
    }

    /** Why {@code value} is not a non-negative plain decimal, or null when it is one. */
    static String decimalProblem(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return "must be a non-negative decimal in plain notation (such as \"12.5\"), at most 21 digits"
                    + " before the point, 24 after and 30 in all (got \"" + abbreviate(value) + "\")";
        }
        return null;
    }

    static String decimal(String value, String pointer) {
        String p = decimalProblem(value);
        if (p != null) {
            throw invalid(pointer, p);
        }
        return value;
    }

    static String percent(String value, String pointer) {
        if (!PERCENT.matcher(value).matches()) {
            throw invalid(pointer, "must be a percentage from 0 to 100 in plain notation (got \""
                    + abbreviate(value) + "\")");
        }
        return value;
    }

    static long count(long value, String pointer) {
        if (value < 0) {
            throw invalid(pointer, "must not be negative (got " + value + ")");
        }
        return value;
    }

    static String plain(BigDecimal value, String pointer) {
        if (value == null) {
            throw invalid(pointer, "is required");
        }
        if (value.signum() < 0) {
            throw invalid(pointer, "must not be negative (got " + value.toPlainString() + ")");
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String unit(String unit, java.util.List<String> allowed, String pointer) {
        if (!allowed.contains(unit)) {
            throw invalid(pointer, "unit \"" + abbreviate(unit) + "\" is not one of " + allowed);
        }
        return unit;
    }

    /** An ISO-8601 timestamp with offset, as the schemas accept it (years 0000-9999, whole-minute offsets). */
    static String timestamp(OffsetDateTime t, String pointer) {
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw invalid(pointer, "the year must be between 0 and 9999");
        }
        if (t.getOffset().getTotalSeconds() % 60 != 0) {
            throw invalid(pointer, "the UTC offset must be whole minutes");
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
