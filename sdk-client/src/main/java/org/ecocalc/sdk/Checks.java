package org.ecocalc.sdk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of the two event schemas, checked when an event is built. */
final class Checks {
    /** {@code source_id} and {@code facility_id}: as in telemetry-record.v1.json (checked by {@link #isId}). */
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$");
    static final int MAX_EVENT_ID_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_LABEL_LENGTH = 128;
    static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    static final Pattern DECIMAL = Pattern.compile("^(?=[0-9.]{1,31}$)(0|[1-9][0-9]{0,20})(\\.[0-9]{1,24})?$");
    static final Pattern PERCENT = Pattern.compile("^(100(\\.0{1,24})?|[1-9]?[0-9](\\.[0-9]{1,24})?)$");

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
        if (!isId(value)) {
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
        if (value != null && !isCountry(value)) {
            throw invalid(pointer, "must be an ISO 3166-1 alpha-2 code in capitals, such as DE");
        }
        return value;
    }

    /** Why {@code value} is not a non-negative plain decimal, or null when it is one. */
    static String decimalProblem(String value) {
        if (!isDecimal(value)) {
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
        if (!isPercent(value)) {
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
        return format(t);
    }

    // The checks below are the patterns above written out, so that building an event compiles no
    // matcher; ChecksTest checks each against its pattern (full match) on generated strings.

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alnum(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || digit(c);
    }

    /** {@link #ID}. */
    static boolean isId(String s) {
        int n = s.length();
        if (n < 1 || n > 128 || !alnum(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!alnum(c) && c != '.' && c != '_' && c != ':' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@link #COUNTRY}. */
    static boolean isCountry(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A'
                && s.charAt(1) <= 'Z';
    }

    /** {@link #DECIMAL}: 1 to 31 characters, {@code 0} or 1 to 21 digits without a leading zero, then optionally a point and 1 to 24 digits. */
    static boolean isDecimal(String s) {
        int n = s.length();
        if (n < 1 || n > 31) {
            return false;
        }
        int i = 0;
        if (s.charAt(0) == '0') {
            i = 1;
        } else {
            while (i < n && digit(s.charAt(i))) {
                i++;
            }
            if (i == 0 || i > 21) {
                return false;
            }
        }
        return i == n || fraction(s, i, 24);
    }

    /** A point at {@code i} followed by 1 to {@code max} digits up to the end. */
    private static boolean fraction(String s, int i, int max) {
        int n = s.length();
        if (s.charAt(i) != '.' || n - i - 1 < 1 || n - i - 1 > max) {
            return false;
        }
        for (int k = i + 1; k < n; k++) {
            if (!digit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #PERCENT}: {@code 100} with optional zeros after a point, or 0 to 99 with an optional fraction. */
    static boolean isPercent(String s) {
        int n = s.length();
        if (s.startsWith("100")) {
            if (n == 3) {
                return true;
            }
            if (!fraction(s, 3, 24)) {
                return false;
            }
            for (int k = 4; k < n; k++) {
                if (s.charAt(k) != '0') {
                    return false;
                }
            }
            return true;
        }
        int i = 0;
        if (n >= 2 && s.charAt(0) >= '1' && s.charAt(0) <= '9' && digit(s.charAt(1))) {
            i = 2;
        } else if (n >= 1 && digit(s.charAt(0))) {
            i = 1;
        } else {
            return false;
        }
        return i == n || fraction(s, i, 24);
    }

    /**
     * What {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes for a time whose year is 0 to 9999
     * and whose offset is whole minutes (checked before): {@code uuuu-MM-ddTHH:mm:ss}, the
     * fraction of a second without trailing zeros (none when zero), {@code Z} or {@code ±HH:mm}.
     */
    static String format(OffsetDateTime t) {
        byte[] b = new byte[35];
        int y = t.getYear();
        put4(b, 0, y);
        b[4] = '-';
        put2(b, 5, t.getMonthValue());
        b[7] = '-';
        put2(b, 8, t.getDayOfMonth());
        b[10] = 'T';
        put2(b, 11, t.getHour());
        b[13] = ':';
        put2(b, 14, t.getMinute());
        b[16] = ':';
        put2(b, 17, t.getSecond());
        int len = 19;
        int nano = t.getNano();
        if (nano != 0) {
            b[len++] = '.';
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            for (int k = digits - 1; k >= 0; k--) {
                b[len + k] = (byte) ('0' + nano % 10);
                nano /= 10;
            }
            len += digits;
        }
        int off = t.getOffset().getTotalSeconds();
        if (off == 0) {
            b[len++] = 'Z';
        } else {
            b[len++] = (byte) (off < 0 ? '-' : '+');
            int abs = Math.abs(off);
            put2(b, len, abs / 3600);
            b[len + 2] = ':';
            put2(b, len + 3, abs / 60 % 60);
            len += 5;
        }
        return new String(b, 0, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    private static void put4(byte[] b, int at, int v) {
        put2(b, at, v / 100);
        put2(b, at + 2, v % 100);
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
