package org.creditkit.models.data;

import java.util.List;
import java.util.Objects;

/**
 * A loaded dataset with the account of what was left out.
 *
 * @param dataset the usable rows
 * @param sourceRows how many data records the file held
 * @param skipped every record that could not be used, in file order
 * @param notes decisions taken while loading (inferred column kinds, ignored columns)
 */
public record LoadResult(Dataset dataset, int sourceRows, List<SkippedRow> skipped, List<String> notes) {

    /** Checks and copies the parts. */
    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /**
     * A one-line summary, e.g. {@code "used 998 of 1000 rows (2 skipped, 300 bads)"}.
     *
     * @return the summary
     */
    public String summary() {
        return "used " + dataset.rows() + " of " + sourceRows + " rows (" + skipped.size() + " skipped, "
                + dataset.bads() + " bads)";
    }
}
