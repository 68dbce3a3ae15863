package org.creditkit.core.fairness;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything measured for one group (or intersection group) of one grouping.
 *
 * @param grouping the grouping's name, e.g. {@code industry*zone}
 * @param group the group's label, e.g. {@code C*EAST}
 * @param reference true for the grouping's reference group
 * @param sufficient true if the group has at least the minimum group size
 * @param count records in the group
 * @param approval favourable decisions / count, with Wilson interval (the selection rate)
 * @param approvalVsReference approval rate against the reference (group minus / over reference)
 * @param pdCount records with a PD
 * @param meanPd mean PD over those records, absent if none
 * @param outcomes outcome metrics, absent if no record of the group has an observed outcome
 * @param disparity the justified-disparity view
 * @param bootstrap seeded percentile bootstrap intervals of the approval rate and difference
 * @param bands per-PD-band counts, approvals and default rates (bands without records omitted)
 */
public record GroupResult(String grouping, String group, boolean reference, boolean sufficient, int count,
        RateEstimate approval, Comparison approvalVsReference, int pdCount, OptionalDouble meanPd,
        Optional<OutcomeMetrics> outcomes, JustifiedDisparity disparity, List<BandCalibration> bands,
        BootstrapIntervals bootstrap) {

    /**
     * Copies the band list.
     *
     * @param grouping see {@link #grouping()}
     * @param group see {@link #group()}
     * @param reference see {@link #reference()}
     * @param sufficient see {@link #sufficient()}
     * @param count see {@link #count()}
     * @param approval see {@link #approval()}
     * @param approvalVsReference see {@link #approvalVsReference()}
     * @param pdCount see {@link #pdCount()}
     * @param meanPd see {@link #meanPd()}
     * @param outcomes see {@link #outcomes()}
     * @param disparity see {@link #disparity()}
     * @param bands see {@link #bands()}
     */
    public GroupResult {
        bands = List.copyOf(bands);
    }
}
