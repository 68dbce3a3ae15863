package org.creditkit.core.fairness;

import java.util.OptionalDouble;

/**
 * One PD band of one group: how many records fell in it, how many were approved, their mean PD
 * and, where outcomes are known, the observed default rate. A record with PD {@code p} falls in
 * the band {@code [lower, upper)}; the last band also holds {@code p = 1}. Within a band, equal
 * approval rates across groups mean equal treatment at equal modelled risk.
 *
 * @param lower inclusive lower PD edge
 * @param upper exclusive upper PD edge (inclusive for the last band)
 * @param count records with a PD in the band
 * @param approved of which favourable
 * @param meanPd mean PD of the band's records
 * @param withOutcome records in the band with an observed outcome
 * @param bad of which defaulted
 */
public record BandCalibration(double lower, double upper, int count, int approved, double meanPd,
        int withOutcome, int bad) {

    /**
     * Returns the approval rate in the band.
     *
     * @return approved / count
     */
    public double approvalRate() {
        return (double) approved / count;
    }

    /**
     * Returns the observed default rate in the band.
     *
     * @return bad / withOutcome, absent without outcomes
     */
    public OptionalDouble observedDefaultRate() {
        return withOutcome == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) bad / withOutcome);
    }
}
