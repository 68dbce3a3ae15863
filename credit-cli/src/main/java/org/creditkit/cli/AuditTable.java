package org.creditkit.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A flat table read for an audit: the column names and the rows, each with the line of the file it
 * starts on.
 *
 * @param source the file name, for messages
 * @param columns column names in first-seen order
 * @param rows the rows in file order
 */
record AuditTable(String source, List<String> columns, List<AuditTable.Row> rows) {

    /**
     * Copies the lists.
     *
     * @param source see {@link #source()}
     * @param columns see {@link #columns()}
     * @param rows see {@link #rows()}
     */
    public AuditTable {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One row: a value per column that is present and not null (JSON null and empty CSV fields are
     * absent).
     *
     * @param line the 1-based line number where the row starts
     * @param values column name to text value
     */
    public record Row(int line, Map<String, String> values) {

        /**
         * Copies the values.
         *
         * @param line see {@link #line()}
         * @param values see {@link #values()}
         */
        public Row {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * Returns a column's value, absent if missing, null or empty.
         *
         * @param column the column name
         * @return the value
         */
        public Optional<String> get(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
    }
}
