package io.newsline.localkafka.top;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header and rows, each column as wide as its widest cell, numbers right-aligned. */
final class Table {

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Column names; a name starting with '>' is right-aligned (the '>' is not shown). */
    Table(String... columns) {
        header = new ArrayList<>();
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            header.add(right[i] ? columns[i].substring(1) : columns[i]);
        }
    }

    Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<String> lines() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(header, width));
        rows.forEach(r -> out.add(line(r, width)));
        return out;
    }

    private String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            String pad = " ".repeat(width[i] - cell.length());
            b.append(right[i] ? pad + cell : cell + (i == width.length - 1 ? "" : pad));
            if (i < width.length - 1) {
                b.append("  ");
            }
        }
        return b.toString().stripTrailing();
    }
}
