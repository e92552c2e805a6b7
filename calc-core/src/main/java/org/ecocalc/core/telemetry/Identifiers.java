package org.ecocalc.core.telemetry;

/**
 * The identifier grammar of the schema, {@code ^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$} (source and
 * facility ids), and {@code ^[A-Z]{2}$} (country), checked character by character: the same
 * answer as the patterns ({@code IdentifiersTest}), without a regular-expression engine per record.
 */
final class Identifiers {
    private Identifiers() {
    }

    /** Whether {@code s} matches {@link IdempotencyKey#SOURCE_ID_PATTERN} (= {@link Place#FACILITY_ID_PATTERN}). */
    static boolean isId(String s) {
        int n = s.length();
        if (n < 1 || n > 128 || !isAlnum(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != ':' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} matches {@link Place#COUNTRY_PATTERN}. */
    static boolean isCountry(String s) {
        return s.length() == 2 && isUpper(s.charAt(0)) && isUpper(s.charAt(1));
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || isUpper(c) || c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
