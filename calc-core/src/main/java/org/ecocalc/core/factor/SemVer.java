package org.ecocalc.core.factor;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic Versioning 2.0.0 precedence (build metadata is not allowed in pack versions). */
final class SemVer {
    static final Pattern PATTERN = Pattern.compile(
            "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

    /** Orders version strings by semver precedence; unequal strings of equal precedence cannot occur. */
    static final Comparator<String> PRECEDENCE = SemVer::compare;

    private SemVer() {
    }

    static boolean isValid(String v) {
        return PATTERN.matcher(v).matches();
    }

    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0; // the common case (factors of one pack), without parsing
        }
        Matcher x = PATTERN.matcher(a);
        Matcher y = PATTERN.matcher(b);
        if (!x.matches() || !y.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + (x.matches() ? b : a));
        }
        for (int i = 1; i <= 3; i++) {
            int c = new BigInteger(x.group(i)).compareTo(new BigInteger(y.group(i)));
            if (c != 0) {
                return c;
            }
        }
        String pa = x.group(4);
        String pb = y.group(4);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = ia[i].chars().allMatch(Character::isDigit);
            boolean nb = ib[i].chars().allMatch(Character::isDigit);
            int c;
            if (na && nb) {
                c = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
            } else if (na || nb) {
                c = na ? -1 : 1;
            } else {
                c = ia[i].compareTo(ib[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ia.length, ib.length);
    }
}
