package org.creditkit.models.binning;

import java.util.List;

/**
 * The outcome of binning a dataset.
 *
 * @param kept binnings of the features whose IV reached the threshold, in dataset column order
 * @param dropped binnings of the features dropped for low IV
 * @param notes one line per decision worth reporting (drops, suspicious IV, neutral missing bins)
 */
public record BinningResult(List<FeatureBinning> kept, List<FeatureBinning> dropped, List<String> notes) {

    /** Copies the lists. */
    public BinningResult {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
        notes = List.copyOf(notes);
    }
}
