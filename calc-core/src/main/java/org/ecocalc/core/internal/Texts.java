package org.ecocalc.core.internal;

import java.util.List;

/** Texts for error messages: echoing a bad value briefly, suggesting the name that was meant. Not API. */
public final class Texts {
    private Texts() {
    }

    /** {@code text}, cut to 37 characters and "..." when longer than 40, to echo it in a message. */
    public static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /**
     * The name of {@code known} within Levenshtein distance 2 of {@code name}, the nearest (the first
     * listed among equally near), or null: the "did you mean" of an unknown member.
     */
    public static String closest(String name, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name, k, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** The edit distance of {@code a} and {@code b}, or {@code limit} when it is surely at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
