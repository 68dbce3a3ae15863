package org.creditkit.models.binning;

import java.util.List;
import java.util.Objects;

/**
 * One bin of a feature with its counts and weight of evidence.
 *
 * @param label readable description, e.g. {@code [12, 24)}, {@code {A11, A12}} or {@code missing}
 * @param lower for a numeric bin the inclusive lower edge ({@code -Infinity} for the first),
 *        otherwise {@code NaN}
 * @param upper for a numeric bin the exclusive upper edge ({@code +Infinity} for the last),
 *        otherwise {@code NaN}
 * @param categories for a categorical bin the levels it holds, otherwise empty
 * @param missing whether this is the missing bin
 * @param goods training rows with target 0 in the bin
 * @param bads training rows with target 1 in the bin
 * @param woe weight of evidence {@code ln(%good/%bad)} (smoothed by half a count)
 */
public record Bin(String label, double lower, double upper, List<String> categories, boolean missing, int goods,
        int bads, double woe) {

    /** Checks and copies. */
    public Bin {
        Objects.requireNonNull(label, "label");
        categories = List.copyOf(categories);
        if (!Double.isFinite(woe)) {
            throw new IllegalArgumentException("WoE of bin " + label + " must be finite, got " + woe);
        }
    }

    /**
     * Rows in the bin.
     *
     * @return goods plus bads
     */
    public int count() {
        return goods + bads;
    }
}
