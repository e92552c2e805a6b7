package org.ecocalc.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Differences between two JSON trees, as leaves with their JSON Pointers. Package-private. */
final class JsonDiff {
    /** One differing leaf: its pointer, the expected and the actual text (null when absent). */
    record Leaf(String pointer, String expected, String actual) {
    }

    private JsonDiff() {
    }

    static List<Leaf> diff(JsonNode expected, JsonNode actual, String at) {
        List<Leaf> out = new ArrayList<>();
        walk(expected, actual, at, out);
        return out;
    }

    private static void walk(JsonNode e, JsonNode a, String at, List<Leaf> out) {
        if (e == null || a == null) {
            if (e != a) {
                out.add(new Leaf(at, text(e), text(a)));
            }
            return;
        }
        if (e.isObject() && a.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            e.propertyNames().forEach(names::add);
            a.propertyNames().forEach(names::add);
            for (String n : names) {
                walk(e.get(n), a.get(n), at + "/" + n.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (e.isArray() && a.isArray()) {
            for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
                walk(e.get(i), a.get(i), at + "/" + i, out);
            }
        } else if (!e.equals(a)) {
            out.add(new Leaf(at, text(e), text(a)));
        }
    }

    private static String text(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isString()) {
            return n.stringValue();
        }
        return n.isArray() ? "[" + n.size() + " items]" : n.isObject() ? "{…}" : n.toString();
    }

    /** Groups of a results array keyed by facility and period start, in order. */
    static Map<String, JsonNode> groups(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            for (JsonNode g : array) {
                out.put(label(g), g);
            }
        }
        return out;
    }

    /** {@code total}, {@code fra-1}, or {@code fra-1 2026-03-01T00:00:00Z..2026-04-01T00:00:00Z}. */
    static String label(JsonNode g) {
        if (g == null || !g.isObject()) {
            return "?";
        }
        JsonNode f = g.get("facility_id");
        if (f == null) {
            return "total";
        }
        JsonNode p = g.get("period");
        if (p == null) {
            return f.asString();
        }
        return f.asString() + " " + text(p.get("start")) + ".." + text(p.get("end"));
    }
}
