package org.ecocalc.core.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * A fast path for the telemetry timestamp: RFC 3339 {@code date-time} as the schema restricts it,
 * {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)}, read without a regular expression or a
 * {@code DateTimeFormatter}. It accepts exactly what {@link RecordMapper#TIMESTAMP} followed by
 * {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)} accepts, and gives the same instant;
 * anything else gives null and the caller takes the reference path, which says what is wrong.
 * {@code TimestampsTest} checks the equivalence on generated and mutated strings.
 */
final class Timestamps {
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private Timestamps() {
    }

    /** The instant, or null when {@code s} is not a valid timestamp of the restricted form. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59 || day > lengthOfMonth(year, month)) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count < 1 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offset;
        char c = s.charAt(i);
        if (c == 'Z') {
            if (i + 1 != n) {
                return null;
            }
            offset = 0;
        } else if (c == '+' || c == '-') {
            if (i + 6 != n || s.charAt(i + 3) != ':') {
                return null;
            }
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return null;
            }
            offset = oh * 3600 + om * 60;
            if (offset > MAX_OFFSET_SECONDS) {
                return null;
            }
            if (c == '-') {
                offset = -offset;
            }
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return Year.isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
