package org.ecocalc.core.vectors;

import java.math.BigDecimal;
import java.util.List;
import org.ecocalc.core.quantity.Decimals;
import tools.jackson.databind.JsonNode;

/**
 * Compares an expected JSON document with the JSON a command writes, as the alert, scenario and
 * report-validation vectors do ({@code docs/test-vectors.md}): an expected object lists the members
 * to compare (members it leaves out are not checked); an array must have the same length and is
 * compared item by item; a string that is a plain decimal on both sides is compared as a number
 * (exactly, or within the vector's relative tolerance), any other string exactly; {@code null}
 * requires the member to be null or absent; numbers and booleans must be equal. Each mismatch is
 * one line naming the member by JSON Pointer. Package-private.
 */
final class JsonExpectation {
    private JsonExpectation() {
    }

    /**
     * Compares {@code expected} with {@code actual} (null when absent), adding one line per mismatch to {@code f},
     * each starting with {@code label} and the member's pointer.
     */
    static void compare(String label, String pointer, JsonNode expected, JsonNode actual, BigDecimal tolerance,
            List<String> f) {
        String at = label + (pointer.isEmpty() ? "" : " " + pointer);
        boolean absent = actual == null || actual.isMissingNode() || actual.isNull();
        if (expected.isNull()) {
            if (!absent) {
                f.add(at + ": expected null, got " + show(actual));
            }
            return;
        }
        if (absent) {
            f.add(at + ": expected " + show(expected) + ", got " + (actual != null && actual.isNull() ? "null" : "nothing"));
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                f.add(at + ": expected an object, got " + show(actual));
                return;
            }
            for (String name : expected.propertyNames()) {
                compare(label, pointer + "/" + escape(name), expected.get(name), actual.get(name), tolerance, f);
            }
            return;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                f.add(at + ": expected an array, got " + show(actual));
                return;
            }
            if (expected.size() != actual.size()) {
                f.add(at + ": expected " + expected.size() + " items, got " + actual.size() + ": " + show(actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(label, pointer + "/" + i, expected.get(i), actual.get(i), tolerance, f);
            }
            return;
        }
        if (expected.isString()) {
            String want = expected.stringValue();
            if (!actual.isString()) {
                f.add(at + ": expected \"" + want + "\", got " + show(actual));
                return;
            }
            String got = actual.stringValue();
            boolean same = Decimals.isPlainDecimal(want) && Decimals.isPlainDecimal(got)
                    ? VectorRunner.matches(new BigDecimal(want), new BigDecimal(got), tolerance)
                    : want.equals(got);
            if (!same) {
                f.add(at + ": expected " + want + ", got " + got
                        + (tolerance != null && Decimals.isPlainDecimal(want) ? " (tolerance "
                                + tolerance.toPlainString() + " relative)" : ""));
            }
            return;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.equals(actual);
        if (!same) {
            f.add(at + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    private static String show(JsonNode n) {
        String s = n.isString() ? n.stringValue() : org.ecocalc.core.internal.Json.compact(n);
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }

    /** The first member's name of an object, or null when it has none. */
    static String firstMember(JsonNode object) {
        for (String name : object.propertyNames()) {
            return name;
        }
        return null;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
