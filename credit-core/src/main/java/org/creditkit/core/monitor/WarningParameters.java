package org.creditkit.core.monitor;

/**
 * The thresholds of the early-warning signals and of the levels. Risk teams set them; {@link #defaults()}
 * are the values documented in docs/monitoring.md.
 *
 * <p>Each signal's severity gives points (weak {@link #weakPoints}, moderate {@link #moderatePoints}, severe
 * {@link #severePoints}); the level is the highest whose point threshold the month reaches, and any of the
 * red triggers (dishonest listing, enforcement, this loan or another bank seriously past due) makes it RED.
 *
 * @param salesDropShare          TAX_SALES_DROP when the last three months' sales are below (1 - this) of
 *                                the same calendar months before origination, e.g. 0.10
 * @param salesCollapseShare      TAX_SALES_COLLAPSE at this drop, e.g. 0.35
 * @param headcountDropShare      HEADCOUNT_DROP when headcount is below (1 - this) of origination
 * @param utilityDropShare        UTILITY_DROP when the last three months' electricity use is below (1 - this)
 * @param lawsuitsCluster         LAWSUITS_CLUSTER at this many new cases in three months
 * @param bankOverdueDays         BANK_OVERDUE from this many days overdue at another bank
 * @param bankOverdueSeriousDays  BANK_OVERDUE_SERIOUS from this many days
 * @param loanPastDueDays         LOAN_PAST_DUE from this many days past due on this loan
 * @param loanSeriousDays         LOAN_SERIOUSLY_PAST_DUE from this many days
 * @param pdRiseFactor            SCORE_DETERIORATION when the re-scored PD is at least this multiple of the
 *                                origination PD ...
 * @param pdRiseAbsolute          ... and at least this much above it
 * @param staleDays               DATA_STALE when the data is older than this many days at the month end
 * @param weakPoints              points of a weak signal
 * @param moderatePoints          points of a moderate signal
 * @param severePoints            points of a severe signal
 * @param bluePoints              BLUE from this many points
 * @param yellowPoints            YELLOW from this many points
 * @param orangePoints            ORANGE from this many points
 * @param redPoints               RED from this many points
 */
public record WarningParameters(double salesDropShare, double salesCollapseShare, double headcountDropShare,
                                double utilityDropShare, int lawsuitsCluster, int bankOverdueDays,
                                int bankOverdueSeriousDays, int loanPastDueDays, int loanSeriousDays,
                                double pdRiseFactor, double pdRiseAbsolute, int staleDays, int weakPoints,
                                int moderatePoints, int severePoints, int bluePoints, int yellowPoints,
                                int orangePoints, int redPoints) {

    private static final WarningParameters DEFAULTS = new WarningParameters(0.10, 0.35, 0.08, 0.10, 2, 1, 30, 1,
            30, 2.0, 0.02, 60, 1, 2, 4, 1, 2, 5, 7);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a share is outside (0, 1), the severe thresholds are below the
     *                                  moderate ones, or the level thresholds do not ascend
     */
    public WarningParameters {
        share("salesDropShare", salesDropShare);
        share("salesCollapseShare", salesCollapseShare);
        share("headcountDropShare", headcountDropShare);
        share("utilityDropShare", utilityDropShare);
        if (salesCollapseShare < salesDropShare) {
            throw new IllegalArgumentException("salesCollapseShare (" + salesCollapseShare
                    + ") must be >= salesDropShare (" + salesDropShare + ")");
        }
        if (lawsuitsCluster < 2 || bankOverdueDays < 1 || bankOverdueSeriousDays < bankOverdueDays
                || loanPastDueDays < 1 || loanSeriousDays < loanPastDueDays || staleDays < 1) {
            throw new IllegalArgumentException("day and count thresholds must be positive and ascend: lawsuitsCluster "
                    + lawsuitsCluster + " (>= 2), bankOverdueDays " + bankOverdueDays + " <= bankOverdueSeriousDays "
                    + bankOverdueSeriousDays + ", loanPastDueDays " + loanPastDueDays + " <= loanSeriousDays "
                    + loanSeriousDays + ", staleDays " + staleDays);
        }
        if (!(pdRiseFactor >= 1) || !(pdRiseAbsolute >= 0) || !Double.isFinite(pdRiseFactor)
                || !Double.isFinite(pdRiseAbsolute)) {
            throw new IllegalArgumentException("pdRiseFactor (" + pdRiseFactor + ") must be >= 1 and pdRiseAbsolute ("
                    + pdRiseAbsolute + ") >= 0");
        }
        if (weakPoints < 0 || moderatePoints < weakPoints || severePoints < moderatePoints) {
            throw new IllegalArgumentException("signal points must ascend: weak " + weakPoints + " <= moderate "
                    + moderatePoints + " <= severe " + severePoints);
        }
        if (bluePoints < 1 || yellowPoints < bluePoints || orangePoints < yellowPoints || redPoints < orangePoints) {
            throw new IllegalArgumentException("level thresholds must ascend from 1: blue " + bluePoints
                    + " <= yellow " + yellowPoints + " <= orange " + orangePoints + " <= red " + redPoints);
        }
    }

    private static void share(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " (" + v + ") must be in (0, 1)");
        }
    }

    /** The documented defaults. */
    public static WarningParameters defaults() {
        return DEFAULTS;
    }

    /** Points of a signal. */
    int points(WarningSignal s) {
        return switch (s.severity()) {
            case WEAK -> weakPoints;
            case MODERATE -> moderatePoints;
            case SEVERE -> severePoints;
        };
    }
}
