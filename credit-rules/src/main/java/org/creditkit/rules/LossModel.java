package org.creditkit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the policy turns PD, exposure and mitigation measures into an expected loss; part of
 * {@link PolicyParameters} ({@code "lossModel"} in {@value PolicyParameters#FILE_NAME}).
 *
 * <p>EL = term PD x LGD x EAD, where
 * <ul>
 *   <li>term PD = {@code 1 - (1 - pd)^(termMonths / 12)} (the score's PD is a 12-month PD);</li>
 *   <li>{@link MitigationMeasure#RISK_COMPENSATION_FUND}: the government fund pays {@code riskFundShare}
 *       of the loss above the non-performing rate {@code riskFundNplThreshold}; the application's term
 *       PD stands for its contribution to the pool's rate, so the bank's share of the default
 *       probability becomes {@code termPd - riskFundShare * max(0, termPd - riskFundNplThreshold)};</li>
 *   <li>LGD starts at {@code lgdUnsecured};
 *       {@link MitigationMeasure#COLLATERAL} at the loan-to-value {@code collateralLtv} with the forced-sale
 *       recovery {@code collateralRecoveryRate} of the collateral's value covers
 *       {@code min(1, collateralRecoveryRate / collateralLtv)} of the exposure, so LGD x (1 - cover);
 *       {@link MitigationMeasure#GUARANTEE_INSTITUTION}: the financing-guarantee institution bears
 *       {@code guaranteeCoverShare} of the loss, so LGD x (1 - guaranteeCoverShare);</li>
 *   <li>EAD = the offered amount; {@link MitigationMeasure#REDUCED_LIMIT} multiplies it by the policy's
 *       {@code reducedLimitFactor}; {@link MitigationMeasure#SHORTER_TERM} cuts the term (and so the term PD)
 *       to {@code mitigationMaxTermMonths}.</li>
 * </ul>
 *
 * <p>A {@link Tier#MITIGATION} decision carries the smallest set of the measures its rules made
 * available that brings the EL within the product's appetite (EL rate at most
 * {@link ProductPolicy#maxExpectedLossRate()} and EL at most {@link ProductPolicy#maxExpectedLoss()});
 * among equally small sets the one with the lowest EL. When no set does, the decision is a decline.
 *
 * @param lgdUnsecured loss given default of an unsecured, unguaranteed exposure, in (0, 1]
 * @param guaranteeCoverShare share of the loss a financing-guarantee institution bears, in [0, 1]
 * @param collateralLtv loan-to-value required of collateral, in (0, 1]
 * @param collateralRecoveryRate share of the collateral's value recovered on a forced sale, in [0, 1]
 * @param riskFundNplThreshold non-performing rate above which the risk-compensation fund pays, in [0, 1)
 * @param riskFundShare share of the loss above that rate the fund pays, in [0, 1]
 */
public record LossModel(double lgdUnsecured, double guaranteeCoverShare, double collateralLtv,
        double collateralRecoveryRate, double riskFundNplThreshold, double riskFundShare) {

    private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);

    /**
     * The expected loss of an exposure under a set of measures.
     *
     * @param pd the 12-month PD
     * @param ead the exposure (after any reduced limit) in CNY
     * @param termMonths the term (after any shortening)
     * @param measures the measures in force
     * @return the expected loss
     */
    public ExpectedLoss expectedLoss(double pd, BigDecimal ead, int termMonths, Set<MitigationMeasure> measures) {
        double termPd = termPd(pd, termMonths, measures);
        double lgd = lgd(measures);
        BigDecimal e = ead.setScale(2, RoundingMode.DOWN);
        double rate = termPd * lgd;
        BigDecimal el = e.signum() == 0 ? ZERO_MONEY
                : e.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP);
        return new ExpectedLoss(pd, termPd, lgd, e, el, e.signum() == 0 ? 0.0 : rate);
    }

    /** The bank's share of the default probability over the term, in [0, 1]. */
    private double termPd(double pd, int termMonths, Set<MitigationMeasure> measures) {
        double termPd = 1.0 - Math.pow(1.0 - pd, termMonths / 12.0);
        if (measures.contains(MitigationMeasure.RISK_COMPENSATION_FUND)) {
            termPd -= riskFundShare * Math.max(0.0, termPd - riskFundNplThreshold);
        }
        return Math.min(1.0, Math.max(0.0, termPd));
    }

    /** The loss given default under the measures, in [0, 1]. */
    private double lgd(Set<MitigationMeasure> measures) {
        double lgd = lgdUnsecured;
        if (measures.contains(MitigationMeasure.COLLATERAL)) {
            lgd *= 1.0 - Math.min(1.0, collateralRecoveryRate / collateralLtv);
        }
        if (measures.contains(MitigationMeasure.GUARANTEE_INSTITUTION)) {
            lgd *= 1.0 - guaranteeCoverShare;
        }
        return Math.min(1.0, Math.max(0.0, lgd));
    }

    /**
     * Whether an expected loss is within a product's appetite.
     *
     * @param el the expected loss
     * @param product the product policy
     * @return true when both the EL rate and the EL amount are within the product's limits
     */
    public static boolean withinAppetite(ExpectedLoss el, ProductPolicy product) {
        return el.expectedLossRate() <= product.maxExpectedLossRate()
                && el.expectedLoss().compareTo(product.maxExpectedLoss()) <= 0;
    }

    /**
     * A mitigation plan: the chosen measures and the offer and expected loss they lead to.
     *
     * @param measures the measures, in enum order
     * @param amount the offered amount after the measures, scale 2
     * @param termMonths the offered term after the measures
     * @param loss the expected loss of the offer
     */
    public record Plan(List<MitigationMeasure> measures, BigDecimal amount, int termMonths, ExpectedLoss loss) {

        /** Copies the measures. */
        public Plan {
            measures = List.copyOf(measures);
        }
    }

    /**
     * The smallest non-empty set of the available measures that brings the expected loss within the
     * product's appetite (lowest EL among equally small sets), or {@code null} when none does.
     *
     * @param pd the 12-month PD
     * @param amount the offer before measures (CNY)
     * @param termMonths the term before measures
     * @param available the measures the rules made available
     * @param p the policy parameters (reduced-limit factor, mitigation term)
     * @param product the product's policy (appetite)
     * @return the plan, or null when no set of measures is enough
     */
    Plan plan(double pd, BigDecimal amount, int termMonths, Set<MitigationMeasure> available, PolicyParameters p,
            ProductPolicy product) {
        List<MitigationMeasure> list = new ArrayList<>(available);
        Plan best = null;
        int bestSize = Integer.MAX_VALUE;
        for (int mask = 1; mask < 1 << list.size(); mask++) {
            int size = Integer.bitCount(mask);
            if (size > bestSize) {
                continue;
            }
            Set<MitigationMeasure> chosen = EnumSet.noneOf(MitigationMeasure.class);
            for (int i = 0; i < list.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(list.get(i));
                }
            }
            BigDecimal a = chosen.contains(MitigationMeasure.REDUCED_LIMIT) ? amount.multiply(p.reducedLimitFactor())
                    : amount;
            a = a.setScale(2, RoundingMode.DOWN);
            int t = chosen.contains(MitigationMeasure.SHORTER_TERM) ? Math.min(termMonths, p.mitigationMaxTermMonths())
                    : termMonths;
            if (a.signum() != 0 && termPd(pd, t, chosen) * lgd(chosen) > product.maxExpectedLossRate()) {
                continue; // outside the appetite by its rate alone (the rate withinAppetite compares): no EL amount needed
            }
            ExpectedLoss el = expectedLoss(pd, a, t, chosen);
            if (!withinAppetite(el, product)) {
                continue;
            }
            if (best == null || size < bestSize || el.expectedLoss().compareTo(best.loss().expectedLoss()) < 0) {
                best = new Plan(List.copyOf(chosen), a, t, el);
                bestSize = size;
            }
        }
        return best;
    }

    /**
     * Formats a rate as a percentage with two decimals, e.g. {@code "2.35%"}.
     *
     * @param rate a rate
     * @return the text
     */
    public static String percent(double rate) {
        double x = 100 * rate;
        if (x >= 0 && x < 1e4) {
            // String.format rounds the shortest decimal of x half up; scaled by 100 in double arithmetic the
            // same digits come out except within a hair of a tie (the error here is below 1e-10), left to it
            double scaled = x * 100;
            double floor = Math.floor(scaled);
            if (Math.abs(scaled - floor - 0.5) > 1e-6) {
                long cents = (long) floor + (scaled - floor > 0.5 ? 1 : 0);
                long whole = cents / 100;
                int frac = (int) (cents % 100);
                return whole + (frac < 10 ? ".0" : ".") + frac + "%";
            }
        }
        return String.format(Locale.ROOT, "%.2f%%", x);
    }

    /**
     * The problems of these values, as (JSON pointer, message) pairs.
     *
     * @return the problems, empty when valid
     */
    List<String[]> problems() {
        List<String[]> out = new ArrayList<>();
        range(out, "lgdUnsecured", lgdUnsecured, false);
        range(out, "guaranteeCoverShare", guaranteeCoverShare, true);
        range(out, "collateralLtv", collateralLtv, false);
        range(out, "collateralRecoveryRate", collateralRecoveryRate, true);
        range(out, "riskFundShare", riskFundShare, true);
        if (!(riskFundNplThreshold >= 0 && riskFundNplThreshold < 1)) {
            out.add(new String[] {"/lossModel/riskFundNplThreshold", riskFundNplThreshold
                    + " is out of range, must be in [0, 1)"});
        }
        return out;
    }

    private static void range(List<String[]> out, String key, double v, boolean zeroAllowed) {
        boolean ok = zeroAllowed ? v >= 0 && v <= 1 : v > 0 && v <= 1;
        if (!ok) {
            out.add(new String[] {"/lossModel/" + key, v + " is out of range, must be in " + (zeroAllowed ? "[" : "(")
                    + "0, 1]"});
        }
    }
}
