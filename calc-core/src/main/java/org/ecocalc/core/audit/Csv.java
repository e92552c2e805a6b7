package org.ecocalc.core.audit;

import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted when they hold a comma, a quote or a line
 * break (quotes doubled), records ended by CRLF. A text cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or CR) is prefixed with {@code '} (OWASP, "CSV
 * injection"); numbers are written as they are. Package-private.
 */
final class Csv {
    private final StringBuilder b = new StringBuilder();

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
        return this;
    }

    Csv row(String... cells) {
        return row(List.of(cells));
    }

    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = s;
        char c = v.charAt(0);
        if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean isNumber(String s) {
        return s.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
