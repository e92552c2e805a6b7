package org.ecocalc.cli;

import java.io.PrintWriter;
import java.util.List;

/** A plain text table: the first row is the header; columns from {@code firstNumeric} on are right-aligned. */
final class Table {
    private Table() {
    }

    static void print(List<String[]> rows, int firstNumeric, PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append("  ");
                }
                String pad = " ".repeat(width[i] - row[i].length());
                b.append(i < firstNumeric ? row[i] + pad : pad + row[i]);
            }
            out.println(b.toString().stripTrailing());
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.println("-".repeat(total - 2));
            }
        }
    }
}
