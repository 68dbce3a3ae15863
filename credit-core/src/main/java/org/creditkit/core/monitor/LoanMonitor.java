package org.creditkit.core.monitor;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;

/**
 * The early-warning state of one booked loan: origination baselines and the last months' events. Feed it
 * the loan's months in order with {@link #observe(LoanMonth)}; each call returns the month's signals as a
 * bit mask ({@link WarningSignal#bit()}) and {@link #level(int)} grades them. Allocation-free per month.
 * Not thread-safe: one monitor per loan, as a stream of a loan's months is sequential.
 *
 * <p>Drops compare the last three months against the same calendar months of the origination data (so a
 * seasonal business is not flagged for its low season), falling back to the origination average where the
 * application lacks those months.
 */
public final class LoanMonitor {

    private static final List<String> RATING_ORDER = List.of("AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+",
            "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-", "CCC", "CC", "C", "D");

    private final WarningParameters parameters;
    private final double originationPd;
    private final double[] salesBaseline;       // by calendar month 1..12 (index 0..11), NaN when unknown
    private final double salesAverage;          // NaN when no tax data at origination
    private final double[] electricityBaseline;
    private final double electricityAverage;
    private final double headcountBaseline;     // NaN when unknown
    private final int originationRating;        // -1 when none or unknown

    private final double[] sales = new double[3];
    private final int[] salesMonth = new int[3];
    private final double[] electricity = new double[3];
    private final int[] electricityMonth = new int[3];
    private final int[] lawsuits = new int[3];
    private final int[] enforcement = new int[3];
    private final int[] penalties = new int[3];
    private final boolean[] serious = new boolean[6];
    private int months;
    private int salesCount;
    private int electricityCount;
    private double currentPd;

    private LoanMonitor(LoanApplication application, double originationPd, WarningParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        if (!(originationPd >= 0 && originationPd <= 1)) {
            throw new IllegalArgumentException("originationPd (" + originationPd + ") must be in [0, 1]");
        }
        this.originationPd = originationPd;
        this.currentPd = originationPd;
        var src = application.sources();
        MonthlySeries taxSeries = src.tax().map(t -> t.declaredSales()).orElse(null);
        salesBaseline = byCalendarMonth(taxSeries);
        salesAverage = average(taxSeries, 12);
        MonthlySeries kwh = src.utilities().map(u -> u.electricity()).orElse(null);
        electricityBaseline = byCalendarMonth(kwh);
        electricityAverage = average(kwh, 12);
        headcountBaseline = src.socialInsurance().map(s -> average(s.insuredHeadcount(), 3)).orElse(Double.NaN);
        originationRating = src.supplyChain().map(s -> RATING_ORDER.indexOf(s.coreRating())).orElse(-1);
    }

    /**
     * A monitor for a loan.
     *
     * @param loan          the booked loan (its application is the baseline)
     * @param originationPd the PD the loan was granted at, in [0, 1]
     * @param parameters    the thresholds
     * @return the monitor
     * @throws IllegalArgumentException if the PD is outside [0, 1]
     */
    public static LoanMonitor start(BookedLoan loan, double originationPd, WarningParameters parameters) {
        return new LoanMonitor(loan.application(), originationPd, parameters);
    }

    private static double[] byCalendarMonth(MonthlySeries s) {
        double[] out = new double[12];
        java.util.Arrays.fill(out, Double.NaN);
        if (s == null) {
            return out;
        }
        int from = Math.max(0, s.length() - 12);
        for (int i = from; i < s.length(); i++) {
            out[s.firstMonth().plusMonths(i).getMonthValue() - 1] = s.get(i);
        }
        return out;
    }

    private static double average(MonthlySeries s, int last) {
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.max(0, s.length() - last);
        double sum = 0;
        for (int i = from; i < s.length(); i++) {
            sum += s.get(i);
        }
        return sum / (s.length() - from);
    }

    /** The PD the loan was granted at. */
    public double originationPd() {
        return originationPd;
    }

    /** The latest PD: the origination PD until {@link #rescored(double)} is called. */
    public double currentPd() {
        return currentPd;
    }

    /**
     * Records a re-scored PD (quarterly re-scoring, or within hours of a data change).
     *
     * @param pd the new PD, in [0, 1]
     * @throws IllegalArgumentException if the PD is outside [0, 1]
     */
    public void rescored(double pd) {
        if (!(pd >= 0 && pd <= 1)) {
            throw new IllegalArgumentException("pd (" + pd + ") must be in [0, 1]");
        }
        currentPd = pd;
    }

    /**
     * Takes the next month of the loan and returns its signals.
     *
     * @param m the month; months must come in order
     * @return the signals as a bit mask of {@link WarningSignal#bit()}
     */
    public int observe(LoanMonth m) {
        int slot = months % 3;
        int slot6 = months % 6;
        months++;
        int cal = m.month().getMonthValue() - 1;
        if (m.taxSales().isPresent()) {
            sales[salesCount % 3] = m.taxSales().getAsDouble();
            salesMonth[salesCount % 3] = cal;
            salesCount++;
        }
        if (m.electricity().isPresent()) {
            electricity[electricityCount % 3] = m.electricity().getAsDouble();
            electricityMonth[electricityCount % 3] = cal;
            electricityCount++;
        }
        lawsuits[slot] = m.newCourtCases();
        enforcement[slot] = m.newEnforcementCases();
        penalties[slot] = m.newPenalties();
        serious[slot6] = m.seriousPenalty();

        WarningParameters p = parameters;
        int mask = 0;
        double salesDrop = drop(sales, salesMonth, salesCount, salesBaseline, salesAverage);
        if (salesDrop >= p.salesCollapseShare()) {
            mask |= WarningSignal.TAX_SALES_COLLAPSE.bit();
        } else if (salesDrop >= p.salesDropShare()) {
            mask |= WarningSignal.TAX_SALES_DROP.bit();
        }
        if (drop(electricity, electricityMonth, electricityCount, electricityBaseline, electricityAverage)
                >= p.utilityDropShare()) {
            mask |= WarningSignal.UTILITY_DROP.bit();
        }
        if (m.insuredHeadcount().isPresent() && headcountBaseline > 0
                && m.insuredHeadcount().getAsDouble() <= headcountBaseline * (1 - p.headcountDropShare())) {
            mask |= WarningSignal.HEADCOUNT_DROP.bit();
        }
        if (m.socialInsuranceArrears()) {
            mask |= WarningSignal.SOCIAL_INSURANCE_ARREARS.bit();
        }
        int cases = lawsuits[0] + lawsuits[1] + lawsuits[2];
        if (cases >= p.lawsuitsCluster()) {
            mask |= WarningSignal.LAWSUITS_CLUSTER.bit();
        } else if (cases > 0) {
            mask |= WarningSignal.NEW_LAWSUIT.bit();
        }
        if (enforcement[0] + enforcement[1] + enforcement[2] > 0) {
            mask |= WarningSignal.ENFORCEMENT.bit();
        }
        if (m.dishonestListed()) {
            mask |= WarningSignal.DISHONEST_LISTED.bit();
        }
        boolean anySerious = false;
        for (boolean b : serious) {
            anySerious |= b;
        }
        if (anySerious) {
            mask |= WarningSignal.SERIOUS_PENALTY.bit();
        } else if (penalties[0] + penalties[1] + penalties[2] > 0) {
            mask |= WarningSignal.PENALTY.bit();
        }
        if (m.bankOverdueDays() >= p.bankOverdueSeriousDays()) {
            mask |= WarningSignal.BANK_OVERDUE_SERIOUS.bit();
        } else if (m.bankOverdueDays() >= p.bankOverdueDays()) {
            mask |= WarningSignal.BANK_OVERDUE.bit();
        }
        if (m.loanDaysPastDue() >= p.loanSeriousDays()) {
            mask |= WarningSignal.LOAN_SERIOUSLY_PAST_DUE.bit();
        } else if (m.loanDaysPastDue() >= p.loanPastDueDays()) {
            mask |= WarningSignal.LOAN_PAST_DUE.bit();
        }
        if (originationRating >= 0 && m.supplyChainRating().isPresent()) {
            int now = RATING_ORDER.indexOf(m.supplyChainRating().get());
            if (now > originationRating) {
                mask |= WarningSignal.SUPPLY_CHAIN_DOWNGRADE.bit();
            }
        }
        if (currentPd >= originationPd * p.pdRiseFactor() && currentPd >= originationPd + p.pdRiseAbsolute()) {
            mask |= WarningSignal.SCORE_DETERIORATION.bit();
        }
        long age = ChronoUnit.DAYS.between(m.dataAsOf(), m.month().atEndOfMonth());
        if (age > p.staleDays()) {
            mask |= WarningSignal.DATA_STALE.bit();
        }
        return mask;
    }

    /** Share by which the last three reported months fall short of their baseline; 0 when unknown. */
    private static double drop(double[] values, int[] calendar, int count, double[] baseline, double average) {
        if (count < 3 || !(average > 0)) {
            return 0;
        }
        double now = 0;
        double base = 0;
        for (int i = 0; i < 3; i++) {
            now += values[i];
            double b = baseline[calendar[i]];
            base += Double.isNaN(b) ? average : b;
        }
        return base > 0 ? 1 - now / base : 0;
    }

    /**
     * The level of a month's signals under this monitor's parameters.
     *
     * @param mask signals as bits
     * @return the level
     */
    public WarningLevel level(int mask) {
        return level(mask, parameters);
    }

    /**
     * The level of a set of signals: RED on any red trigger (dishonest listing, enforcement, this loan or
     * another bank seriously past due) or from {@link WarningParameters#redPoints()}; otherwise the highest
     * level whose points threshold the signals reach.
     *
     * @param mask       signals as bits
     * @param parameters the thresholds
     * @return the level
     */
    public static WarningLevel level(int mask, WarningParameters parameters) {
        int red = WarningSignal.DISHONEST_LISTED.bit() | WarningSignal.ENFORCEMENT.bit()
                | WarningSignal.LOAN_SERIOUSLY_PAST_DUE.bit() | WarningSignal.BANK_OVERDUE_SERIOUS.bit();
        if ((mask & red) != 0) {
            return WarningLevel.RED;
        }
        int points = points(mask, parameters);
        if (points >= parameters.redPoints()) {
            return WarningLevel.RED;
        }
        if (points >= parameters.orangePoints()) {
            return WarningLevel.ORANGE;
        }
        if (points >= parameters.yellowPoints()) {
            return WarningLevel.YELLOW;
        }
        return points >= parameters.bluePoints() ? WarningLevel.BLUE : WarningLevel.NONE;
    }

    /**
     * The points of a set of signals: each signal's severity counts {@link WarningParameters#weakPoints()},
     * {@link WarningParameters#moderatePoints()} or {@link WarningParameters#severePoints()}.
     *
     * @param mask       signals as bits
     * @param parameters the points per severity
     * @return the sum
     */
    public static int points(int mask, WarningParameters parameters) {
        int points = 0;
        for (int bits = mask; bits != 0; bits &= bits - 1) {
            points += parameters.points(SIGNALS[Integer.numberOfTrailingZeros(bits)]);
        }
        return points;
    }

    private static final WarningSignal[] SIGNALS = WarningSignal.values();
}
