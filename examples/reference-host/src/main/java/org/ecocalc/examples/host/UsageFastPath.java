package org.ecocalc.examples.host;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A compiled fast path of {@code usage-event.v1.json}: {@link #accepts} answers true only for
 * events the schema accepts, and is written to accept every event a well-behaved client sends
 * (what the SDK writes). Whatever it does not accept goes to the schema ({@link UsageSchema}),
 * which stays the reference and decides, and describes the problems: so the host's answer is the
 * schema's for every event. Its checks are stricter than the schema where that keeps them simple
 * (no unpaired surrogate in a text, lengths counted in UTF-16 units rather than code points, integers only
 * as Jackson's int and long nodes, no line terminator before the end that a {@code $} would let
 * through); such an event takes the schema's path. {@code UsageFastPathEquivalenceTest} checks,
 * on every event the SDK's tests build and on 100,000 mutations of them, that whatever this class
 * accepts the schema accepts, and that it accepts the unmutated ones.
 *
 * <p>{@link #instant} does the same for the timestamps: it reads the shape the schema's pattern
 * allows and answers null for anything it does not handle, for which the caller uses
 * {@code OffsetDateTime.parse}; where it answers, the instant is the one that gives.
 */
final class UsageFastPath {
    private static final Set<String> PROPERTIES = Set.of("source_id", "external_event_id", "kind", "provider", "model",
            "tokens_in", "tokens_out", "gpu_seconds", "accelerator", "measured_energy", "started_at", "ended_at",
            "facility_id", "country", "region", "grid_zone", "organization_id", "team_id", "user_id", "attributes");
    private static final Set<String> LABELS = Set.of("provider", "model", "accelerator", "organization_id", "team_id",
            "user_id");
    private static final Set<String> NAMES = Set.of("region", "grid_zone");
    private static final Set<String> ENERGY_UNITS = Set.of("Wh", "kWh", "MWh", "GWh", "MJ", "GJ", "TJ", "MMBtu",
            "mmBtu", "MMBTU", "mmbtu", "therm", "thm", "TRh", "ton-hour");
    private static final List<String> FORBIDDEN = List.of("prompt", "completion", "message", "content");

    private UsageFastPath() {
    }

    /** True only if the schema accepts {@code event}; false means "ask the schema". */
    static boolean accepts(JsonNode event) {
        if (!event.isObject() || !has(event, "source_id") || !has(event, "external_event_id") || !has(event, "kind")
                || !has(event, "started_at")) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : event.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!PROPERTIES.contains(name)) {
                return false;
            }
            boolean ok = switch (name) {
                case "source_id", "facility_id" -> v.isString() && id(v.stringValue());
                case "external_event_id" -> v.isString() && text(v.stringValue(), 1, 256);
                case "kind" -> v.isString() && (v.stringValue().equals("llm_call") || v.stringValue().equals("gpu_job"));
                case "tokens_in", "tokens_out" -> (v.isInt() || v.isLong()) && v.longValue() >= 0;
                case "gpu_seconds" -> v.isString() && decimal(v.stringValue());
                case "measured_energy" -> energy(v);
                case "started_at", "ended_at" -> v.isString() && timestamp(v.stringValue());
                case "country" -> v.isString() && country(v.stringValue());
                case "attributes" -> attributes(v);
                default -> v.isString() && (LABELS.contains(name) ? text(v.stringValue(), 1, 128)
                        : NAMES.contains(name) && text(v.stringValue(), 1, 64));
            };
            if (!ok) {
                return false;
            }
        }
        String kind = event.get("kind").stringValue();
        return kind.equals("llm_call") ? has(event, "provider") && has(event, "model") : has(event, "gpu_seconds");
    }

    private static boolean has(JsonNode o, String name) {
        return o.get(name) != null;
    }

    /** {@code ^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$}, without the line terminator {@code $} allows. */
    static boolean id(String s) {
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

    private static boolean alnum(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code min} to {@code max} UTF-16 units (so at most {@code max} code points), none a control
     * character (C0, DEL, C1) or an unpaired surrogate.
     */
    static boolean text(String s, int min, int max) {
        int n = s.length();
        if (n < min || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static boolean country(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
    }

    /** {@code ^(?=[0-9.]{1,31}$)(0|[1-9][0-9]{0,20})(\.[0-9]{1,24})?$}. */
    static boolean decimal(String s) {
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
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || n - i - 1 < 1 || n - i - 1 > 24) {
            return false;
        }
        for (int k = i + 1; k < n; k++) {
            if (!digit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean energy(JsonNode v) {
        if (!v.isObject() || v.size() != 2) {
            return false;
        }
        JsonNode value = v.get("value");
        JsonNode unit = v.get("unit");
        return value != null && unit != null && value.isString() && decimal(value.stringValue()) && unit.isString()
                && ENERGY_UNITS.contains(unit.stringValue());
    }

    private static boolean attributes(JsonNode v) {
        if (!v.isObject() || v.size() > 32) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!attributeName(e.getKey()) || !e.getValue().isString() || !text(e.getValue().stringValue(), 0, 256)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[A-Za-z][A-Za-z0-9_.:-]{0,63}$} and none of the content words in any case. */
    static boolean attributeName(String s) {
        int n = s.length();
        if (n < 1 || n > 64) {
            return false;
        }
        char c0 = s.charAt(0);
        if (!(c0 >= 'A' && c0 <= 'Z' || c0 >= 'a' && c0 <= 'z')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!alnum(c) && c != '_' && c != '.' && c != ':' && c != '-') {
                return false;
            }
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT); // ASCII only, checked above
        for (String w : FORBIDDEN) {
            if (lower.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The shape of the schema's timestamp pattern, and what {@link #instant} reads. */
    static boolean timestamp(String s) {
        return instant(s) != null;
    }

    /**
     * The instant of {@code YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|+HH:MM|-HH:MM)} with every field in
     * range, offsets below 18 hours; null for anything else (including what is valid but not
     * handled here, such as an offset of {@code -00:00} or {@code +18:00}).
     */
    static Instant instant(String s) {
        int n = s.length();
        if (n < 17 || n > 35) {
            return null;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int day = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && s.charAt(i) == ':') {
            second = num(s, i + 1, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && digit(s.charAt(i))) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int digits = i - start;
                if (digits < 1 || digits > 9) {
                    return null;
                }
                for (int k = digits; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = num(s, i + 1, 2);
            int om = num(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59 || s.charAt(i) == '-' && oh == 0 && om == 0) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // such as 30 February: the reference says why
        }
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The {@code len} digits at {@code at} as a number, or -1. */
    private static int num(String s, int at, int len) {
        if (at + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = at; i < at + len; i++) {
            char c = s.charAt(i);
            if (!digit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
