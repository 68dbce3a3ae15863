package org.creditkit.core.synth;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.monitor.BookedLoan;
import org.creditkit.core.monitor.LoanMonth;

/**
 * The synthetic loan book: for a booked loan, up to 24 months of monthly source updates and repayment
 * status generated from a documented deterioration process with a known default month, so that early
 * warnings can be scored for precision and lead time. The process (docs/monitoring.md):
 *
 * <ol>
 *   <li>Default month {@code D} (months on book): a loan whose 12-month outcome is a default defaults
 *       uniformly in months 3..12; any other loan defaults in months 13..23 with its true 12-month PD
 *       (a second year at the same hazard); no default inside the horizon otherwise.</li>
 *   <li>Distress {@code h(t)} in [0, 1]: zero until an onset {@code L} months before {@code D}, then rising
 *       linearly to 1 at {@code D}; 80% of defaults deteriorate gradually ({@code L} in 4..9), 20% are
 *       sudden ({@code L} in 1..2), which no monthly warning can see three months ahead.</li>
 *   <li>Monthly sources respond to distress: sales and electricity follow the same calendar month of the
 *       origination year with noise, times {@code (1 - 0.6 h)} and {@code (1 - 0.5 h)}; headcount
 *       {@code (1 - 0.35 h)}; arrears, lawsuits, enforcement, dishonest listing, penalties, overdue days at
 *       other banks and supply-chain downgrades become likelier with {@code h}; this loan is 15, 45 and 75
 *       days past due in the three months before {@code D} and 90+ at {@code D}, the last month reported.</li>
 *   <li>Healthy loans are not clean: 8% have a two-to-three-month dip (sales -40%, electricity -30%), and
 *       every loan has small monthly chances of a lawsuit, a penalty, a few days overdue elsewhere or on
 *       this loan (a late payment that cures), a rating notch and a stale feed. These are the false alarms a warning system must live with.</li>
 * </ol>
 * Deterministic under the seed: loan {@code i} uses its own stream.
 */
public final class LoanBookGenerator {

    /** Months generated for a loan whose term is at least this long. */
    public static final int HORIZON = 24;

    private static final String[] RATINGS = {"AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-",
        "BB+", "BB", "BB-", "B+", "B", "B-", "CCC", "CC", "C", "D"};

    private final long seed;

    private LoanBookGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * A generator.
     *
     * @param seed the seed
     * @return the generator
     */
    public static LoanBookGenerator of(long seed) {
        return new LoanBookGenerator(seed);
    }

    /**
     * A loan's months and its true default month.
     *
     * @param loan         the loan
     * @param months       its monthly lines from the booking month (months on book 0)
     * @param defaultMonth months on book of the default, if the loan defaults within the lines generated
     */
    public record GeneratedLoan(BookedLoan loan, List<LoanMonth> months, OptionalInt defaultMonth) {
        /** Copies the months. */
        public GeneratedLoan {
            months = List.copyOf(months);
        }
    }

    /**
     * The months of one booked loan.
     *
     * @param loan          the loan
     * @param truePd        its true 12-month PD, in [0, 1]
     * @param defaulted12m  whether it defaults within 12 months (the portfolio's outcome)
     * @param index         the loan's index (its random stream)
     * @return the loan with its months
     * @throws IllegalArgumentException if {@code truePd} is outside [0, 1]
     */
    public GeneratedLoan generate(BookedLoan loan, double truePd, boolean defaulted12m, long index) {
        if (!(truePd >= 0 && truePd <= 1)) {
            throw new IllegalArgumentException("truePd (" + truePd + ") must be in [0, 1]");
        }
        Rng r = new Rng(seed ^ 0x6d6f6e69746f72L, index);
        int horizon = Math.min(HORIZON, loan.termMonths());
        int d = -1;
        if (defaulted12m) {
            d = r.uniformInt(3, 12);
        } else if (r.chance(truePd)) {
            d = r.uniformInt(13, 23);
        }
        if (d >= horizon) {
            d = -1;
        }
        int onset = Integer.MAX_VALUE;
        boolean gradual = r.chance(0.8);
        if (d >= 0) {
            onset = Math.max(0, d - (gradual ? r.uniformInt(4, 9) : r.uniformInt(1, 2)));
        }
        int dipStart = d < 0 && r.chance(0.08) ? r.uniformInt(1, Math.max(1, horizon - 3)) : -1;
        int dipLength = r.uniformInt(2, 3);

        LoanApplication app = loan.application();
        var src = app.sources();
        double[] salesBase = calendar(src.tax().map(t -> t.declaredSales()).orElse(null));
        double[] kwhBase = calendar(src.utilities().map(u -> u.electricity()).orElse(null));
        double heads = src.socialInsurance().map(s -> s.insuredHeadcount().isEmpty() ? 0
                : s.insuredHeadcount().get(s.insuredHeadcount().length() - 1)).orElse(-1.0);
        int rating = src.supplyChain().map(s -> indexOf(s.coreRating())).orElse(-1);
        double growth = r.normal(0.03, 0.05);
        boolean listed = false;

        List<LoanMonth> out = new ArrayList<>(horizon);
        int last = d >= 0 ? d : horizon - 1;
        for (int t = 0; t <= last; t++) {
            YearMonth month = loan.bookedMonth().plusMonths(t);
            double h = t < onset ? 0 : Math.min(1, (t - onset + 1.0) / (d - onset + 1.0));
            boolean dip = dipStart >= 0 && t >= dipStart && t < dipStart + dipLength;
            double trend = Math.pow(1 + growth, t / 12.0);
            OptionalDouble sales = OptionalDouble.empty();
            if (salesBase != null) {
                double v = salesBase[month.getMonthValue() - 1] * trend * r.lognormal(0.12) * (1 - 0.6 * h)
                        * (dip ? 0.6 : 1);
                sales = OptionalDouble.of(round2(v));
            }
            OptionalDouble kwh = OptionalDouble.empty();
            if (kwhBase != null) {
                double v = kwhBase[month.getMonthValue() - 1] * r.lognormal(0.10) * (1 - 0.5 * h) * (dip ? 0.7 : 1);
                kwh = OptionalDouble.of(round2(v));
            }
            OptionalDouble headcount = OptionalDouble.empty();
            if (heads >= 0) {
                headcount = OptionalDouble.of(Math.max(0, Math.round(heads * (1 - 0.35 * h) + r.normal(0, 0.03 * heads))));
            }
            boolean arrears = h > 0.3 ? r.chance(0.6 * h * h) : r.chance(0.004);
            int cases = r.poisson(0.012 + 0.35 * h);
            int enforcement = h > 0.5 ? r.poisson(0.3 * h * h) : r.poisson(0.001);
            if (!listed && h >= 0.9 && r.chance(0.4)) {
                listed = true;
            }
            int penalties = r.poisson(0.008 + 0.05 * h);
            boolean serious = penalties > 0 && r.chance(0.2 + 0.3 * h);
            int bankOverdue = h >= 0.5 && r.chance(h) ? (int) Math.round(120 * (h - 0.4))
                    : r.chance(0.01) ? r.uniformInt(1, 10) : 0;
            if (rating >= 0 && rating < RATINGS.length - 1
                    && (h > 0.6 ? r.chance(0.25) : r.chance(0.004))) {
                rating++;
            }
            int dpd = 0;
            if (d >= 0) {
                int before = d - t;
                dpd = before == 0 ? 95 : before == 1 ? 75 : before == 2 ? 45 : before == 3 && gradual ? 15 : 0;
            }
            if (dpd == 0 && h == 0 && r.chance(0.01)) {
                dpd = r.uniformInt(1, 10); // a technical late payment that cures the next month
            }
            var asOf = r.chance(0.02) ? month.atDay(1).minusDays(r.uniformInt(45, 80)) : month.atEndOfMonth();
            out.add(new LoanMonth(loan.loanId(), month, t, sales, headcount, arrears, kwh, cases, enforcement, listed,
                    penalties, serious, bankOverdue, rating >= 0 ? Optional.of(RATINGS[rating]) : Optional.empty(),
                    dpd, asOf));
        }
        return new GeneratedLoan(loan, out, d >= 0 ? OptionalInt.of(d) : OptionalInt.empty());
    }

    private static double[] calendar(MonthlySeries s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        double[] out = new double[12];
        double sum = 0;
        int from = Math.max(0, s.length() - 12);
        for (int i = from; i < s.length(); i++) {
            sum += s.get(i);
        }
        double mean = sum / (s.length() - from);
        java.util.Arrays.fill(out, mean);
        for (int i = from; i < s.length(); i++) {
            out[s.firstMonth().plusMonths(i).getMonthValue() - 1] = s.get(i);
        }
        return out;
    }

    private static int indexOf(String rating) {
        for (int i = 0; i < RATINGS.length; i++) {
            if (RATINGS[i].equals(rating)) {
                return i;
            }
        }
        return -1;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
