package org.creditkit.core.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The views of a monitored loan book ({@link PortfolioMonitor#summary()}).
 *
 * @param loans          loans monitored
 * @param loanMonths     loan-months graded
 * @param levelsByMonth  warning-level counts per calendar month
 * @param vintages       cumulative default rate by months on book per origination quarter
 * @param rollRates      transition counts between delinquency buckets from one month to the next,
 *                       indexed by {@link RepaymentStatus#ordinal()}
 * @param byLevel        per level, the loan-months with 12 months of follow-up and how many defaulted within them
 * @param performance    how well the serious levels (ORANGE, RED) anticipate defaults
 * @param fund           losses and the risk-compensation fund's share
 * @param drift          PD and feature drift between origination and the latest re-score
 * @param asOf           the book's latest month, empty when no month was monitored
 * @param liveLoans      loans live now: not in default, and either their months stop before the end of their
 *                       term (it runs on) or they are in its last month and that month is {@code asOf}; a loan
 *                       whose term ended before {@code asOf} has matured and is not counted
 * @param redLoans       of the live loans, those whose latest month is RED
 * @param redListed      up to {@link Limits#maxRedListed()} of them, with their signals
 * @param liveWithoutLatestMonth live loans with no month in {@code asOf}: their latest level is older than the
 *                       book (repaid early, the data feed stopped, or a book observed for a fixed number of months
 *                       per loan, as the synthetic one is)
 * @param reevaluations  quarterly re-evaluations made
 * @param limitCuts      re-evaluations that cut the limit
 * @param limitRaises    re-evaluations that raised it
 * @param parameters     the warning thresholds used
 * @param limits         the fund terms and report limits used
 */
public record MonitorSummary(long loans, long loanMonths, Map<YearMonth, Map<WarningLevel, Long>> levelsByMonth,
                             List<Vintage> vintages, long[][] rollRates, Map<WarningLevel, Rate> byLevel,
                             Performance performance, Fund fund, List<Drift> drift, Optional<YearMonth> asOf,
                             long liveLoans, long redLoans, List<RedLoan> redListed, long liveWithoutLatestMonth,
                             long reevaluations, long limitCuts, long limitRaises,
                             WarningParameters parameters, Limits limits) {

    /** Copies the collections. */
    public MonitorSummary {
        levelsByMonth = Map.copyOf(levelsByMonth);
        vintages = List.copyOf(vintages);
        byLevel = Map.copyOf(byLevel);
        drift = List.copyOf(drift);
        redListed = List.copyOf(redListed);
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Fund terms, the LGD assumption and the limits beyond which monitoring fails its check.
     *
     * @param lgd              loss given default assumed for unsecured SME loans, in (0, 1]
     * @param fundThresholdNpl the non-performing rate above which the fund pays (the documents: 3%)
     * @param fundShare        the fund's share of losses above it (the documents: 50%)
     * @param maxRedShare      the largest share of live loans (not in default) at RED before the check fails
     * @param maxDriftFlags    the most indicators with flagged drift (material and significant, ageing ones
     *                         excluded) tolerated; -1 to report indicator drift without failing on it
     * @param maxRedListed     how many RED loans the report lists
     */
    public record Limits(double lgd, double fundThresholdNpl, double fundShare, double maxRedShare, int maxDriftFlags,
                         int maxRedListed) {
        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException when a share is outside its range or a count is negative
         */
        public Limits {
            if (!(lgd > 0 && lgd <= 1) || !(fundThresholdNpl >= 0 && fundThresholdNpl < 1)
                    || !(fundShare >= 0 && fundShare <= 1) || !(maxRedShare >= 0 && maxRedShare <= 1)
                    || maxDriftFlags < -1 || maxRedListed < 0) {
                throw new IllegalArgumentException("limits out of range: lgd " + lgd + " (0..1], fundThresholdNpl "
                        + fundThresholdNpl + " [0..1), fundShare " + fundShare + " [0..1], maxRedShare " + maxRedShare
                        + " [0..1], maxDriftFlags " + maxDriftFlags + " >= -1, maxRedListed " + maxRedListed + " >= 0");
            }
        }

        /**
         * LGD 45% (the Basel foundation value for senior unsecured claims), the fund paying 50% above 3% NPL,
         * at most 5% of loans at RED, indicator drift reported but not failed on (a book's indicators move
         * with the economy; PD drift always counts), 200 RED loans listed.
         */
        public static Limits defaults() {
            return new Limits(0.45, 0.03, 0.5, 0.05, -1, 200);
        }
    }

    /**
     * A vintage curve.
     *
     * @param quarter          origination quarter, e.g. {@code 2025-Q3}
     * @param loans            loans booked in it
     * @param cumulativeDefault cumulative default rate at months on book 0..24 (NaN where less than half the
     *                          vintage has been observed that long)
     */
    public record Vintage(String quarter, long loans, double[] cumulativeDefault) {
    }

    /**
     * A count and how many of it defaulted.
     *
     * @param n        the count
     * @param defaults of which defaulted
     */
    public record Rate(long n, long defaults) {
        /** The rate, NaN when {@code n == 0}. */
        public double rate() {
            return n == 0 ? Double.NaN : (double) defaults / n;
        }
    }

    /**
     * How well ORANGE and RED warnings anticipate defaults.
     *
     * @param defaults          loans that defaulted
     * @param defaultsWithLead  of them, those that defaulted at 3 or more months on book (a 3-month lead was possible)
     * @param caught            of those, the ones at ORANGE or RED at least 3 months before the default
     * @param caughtAnyLead     defaults at ORANGE or RED at any time before the default
     * @param meanLeadMonths    mean months from the first ORANGE/RED to default, over the caught ones
     * @param nonDefaultLoans   loans that did not default while observed
     * @param falseAlarmLoans   of them, those ever at ORANGE or RED
     * @param seriousMonths     ORANGE/RED loan-months with 12 months of follow-up, and how many defaulted within them
     */
    public record Performance(long defaults, long defaultsWithLead, long caught, long caughtAnyLead,
                              double meanLeadMonths, long nonDefaultLoans, long falseAlarmLoans, Rate seriousMonths) {
        /** Share of defaults with a possible 3-month lead that were caught that early. */
        public double catchRate() {
            return defaultsWithLead == 0 ? Double.NaN : (double) caught / defaultsWithLead;
        }

        /** Share of loans that did not default that were ever at ORANGE or RED. */
        public double falseAlarmRate() {
            return nonDefaultLoans == 0 ? Double.NaN : (double) falseAlarmLoans / nonDefaultLoans;
        }
    }

    /**
     * Losses and the risk-compensation fund (风险补偿资金池): it pays {@code fundShare} of the losses on the
     * defaulted exposure above {@code fundThresholdNpl} of the book.
     *
     * @param bookedCny        amount booked
     * @param defaultedCny     exposure at default (straight-line amortisation of the booked amount over the term)
     * @param nplRate          defaulted exposure over the amount booked
     * @param lgd              the LGD assumed
     * @param lossCny          losses: defaulted exposure times LGD
     * @param fundThresholdNpl the threshold
     * @param fundShare        the share
     * @param fundPaysCny      what the fund pays
     * @param bankBearsCny     what the bank bears
     */
    public record Fund(double bookedCny, double defaultedCny, double nplRate, double lgd, double lossCny,
                       double fundThresholdNpl, double fundShare, double fundPaysCny, double bankBearsCny) {
    }

    /**
     * A live loan whose latest month is RED.
     *
     * @param loanId       the loan
     * @param month        its latest month
     * @param monthsOnBook months on book then
     * @param signalMask   the signals then
     * @param pd           its latest PD
     * @param status       its delinquency bucket then
     * @param industry     its GB/T 4754 industry code
     */
    public record RedLoan(String loanId, YearMonth month, int monthsOnBook, int signalMask, double pd,
                          RepaymentStatus status, String industry) {
        /** The signals. */
        public List<WarningSignal> signals() {
            return WarningSignal.of(signalMask);
        }
    }

    /** Share of the live loans (see {@link #liveLoans()}) whose latest month is RED. */
    public double redShare() {
        return liveLoans == 0 ? 0 : (double) redLoans / liveLoans;
    }

    /** The drift of the PD, when loans were re-scored. */
    public java.util.Optional<Drift> pdDrift() {
        return drift.stream().filter(d -> d.name().equals("pd")).findFirst();
    }

    /** The indicators whose drift is flagged (material and significant), ageing indicators excluded. */
    public List<Drift> flaggedFeatureDrift() {
        return drift.stream().filter(d -> d.flagged() && !d.name().equals("pd") && !d.ageing()).toList();
    }

    /**
     * What exceeds the limits: the checks a monitoring run fails on (empty when it passes).
     *
     * @return one sentence per breach
     */
    public List<String> breaches() {
        List<String> out = new ArrayList<>();
        if (redShare() > limits.maxRedShare()) {
            out.add(String.format(java.util.Locale.ROOT, "%.1f%% of live loans are at RED (limit %.1f%%)",
                    100 * redShare(), 100 * limits.maxRedShare()));
        }
        pdDrift().filter(Drift::flagged).ifPresent(d -> out.add(String.format(java.util.Locale.ROOT,
                "the PD distribution shifted since origination (PSI %.3f, p %.2g)", d.psi(), d.pValue())));
        List<Drift> flagged = flaggedFeatureDrift();
        if (limits.maxDriftFlags() >= 0 && flagged.size() > limits.maxDriftFlags()) {
            out.add(flagged.size() + " indicators drifted (limit " + limits.maxDriftFlags() + "): "
                    + String.join(", ", flagged.stream().map(Drift::name).toList()));
        }
        return out;
    }
}
