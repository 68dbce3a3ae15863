package org.creditkit.models.data;

import java.util.List;

/**
 * A parsed file before mapping: column names, what the file declares about each column, and the
 * records as strings ({@code null} = missing) with their line numbers. Records the parser could not
 * split correctly are already in {@code skipped}.
 */
record RawTable(List<String> names, List<DeclaredType> types, List<RawRecord> records, List<SkippedRow> skipped) {

    /** What the source declares about a column. */
    sealed interface DeclaredType permits Undeclared, NumericType, NominalType, StringType { }

    /** CSV: nothing declared. */
    record Undeclared() implements DeclaredType { }

    /** ARFF numeric, real or integer. */
    record NumericType() implements DeclaredType { }

    /** ARFF nominal with its declared values in order. */
    record NominalType(List<String> values) implements DeclaredType { }

    /** ARFF string or date. */
    record StringType() implements DeclaredType { }

    /** One data record. */
    record RawRecord(long line, String[] values) { }
}
