package org.creditkit.core.monitor;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;

/**
 * Monitors a loan book as it streams: each loan's months get a warning level, every quarter the loan is
 * re-scored and re-limited, and the book's views are aggregated — warning levels over time, vintage
 * curves, roll rates, the default rate by warning level, the warning system's catch and false-alarm
 * rates, the risk-compensation fund's share of losses, and score and feature drift. Memory grows with
 * the number of loans (a few numbers each for drift), not with months. Not thread-safe: feed one
 * stream; run several monitors on partitions and compare, or use the Spark module, for more.
 *
 * <pre>{@code
 * PortfolioMonitor pm = PortfolioMonitor.builder().rescorer(Rescorer.of(a -> scorer.score(a).pd())).build();
 * LoanBook.read(in, StrictApplicationReader.standard(), loan -> pm.accept(loan, warnings::add, re::add), bad::add);
 * MonitorSummary summary = pm.summary();
 * }</pre>
 */
public final class PortfolioMonitor {

    private final WarningParameters parameters;
    private final WarningGrader grader;
    private final Rescorer rescorer;
    private final int rescoreEveryMonths;
    private final Optional<FeatureExtractor> features;
    private final MonitorSummary.Limits limits;

    private long loans;
    private long loanMonths;
    private final TreeMap<YearMonth, long[]> levelsByMonth = new TreeMap<>();
    private final TreeMap<String, long[]> vintageLoans = new TreeMap<>();     // [observedThroughMob...]
    private final TreeMap<String, long[]> vintageDefaults = new TreeMap<>();  // [defaultsAtMob...]
    private final long[][] rolls = new long[5][5];
    private final long[] levelMonths = new long[5];
    private final long[] levelDefaults = new long[5];
    private long defaults;
    private long defaultsWithLead;
    private long caught;
    private long caughtAnyLead;
    private long leadSum;
    private long nonDefaultLoans;
    private long falseAlarmLoans;
    private long seriousMonthsFollowed;
    private long seriousMonthsDefaulting;
    private BigDecimal booked = BigDecimal.ZERO;
    private double defaultedExposure;
    private long reevaluations;
    private long limitCuts;
    private long limitRaises;
    private final DoubleList originationPd = new DoubleList();
    private final DoubleList currentPd = new DoubleList();
    private final List<DoubleList> originationFeatures = new ArrayList<>();
    private final List<DoubleList> currentFeatures = new ArrayList<>();
    // live loans: not in default, and either their months stop before their term ends (it runs on) or they are
    // in the last month of their term and that month is the book's latest; a loan that matured earlier is not
    private YearMonth latest;
    private long runningLive;
    private long runningRed;
    private final TreeMap<YearMonth, long[]> runningByLastMonth = new TreeMap<>();
    private final List<MonitorSummary.RedLoan> redRunning = new ArrayList<>();
    private long maturedLive;
    private long maturedRed;
    private final List<MonitorSummary.RedLoan> redMatured = new ArrayList<>();

    private PortfolioMonitor(Builder b) {
        this.parameters = b.parameters;
        this.grader = b.grader != null ? b.grader : WarningGrader.points(b.parameters);
        this.rescorer = Objects.requireNonNull(b.rescorer, "a rescorer is required: Builder.rescorer(...)");
        this.rescoreEveryMonths = b.rescoreEveryMonths;
        this.features = Optional.ofNullable(b.features);
        this.limits = b.limits;
        features.ifPresent(f -> {
            for (int i = 0; i < f.catalogue().size(); i++) {
                originationFeatures.add(new DoubleList());
                currentFeatures.add(new DoubleList());
            }
        });
    }

    /** A builder with the default parameters, quarterly re-scoring and the documented fund terms. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Monitors one loan: its warnings and re-evaluations go to the consumers as they are made.
     *
     * @param loan          the loan and its months, in order from the booking month
     * @param onWarning     receives each month's warning
     * @param onReevaluation receives each quarterly re-evaluation
     */
    public void accept(LoanBook.Loan loan, Consumer<MonthWarning> onWarning, Consumer<Reevaluation> onReevaluation) {
        BookedLoan booked0 = loan.loan();
        List<LoanMonth> months = loan.months();
        loans++;
        booked = booked.add(booked0.amount());
        Rescorer.Result origin = rescorer.rescore(booked0, booked0.application());
        LoanMonitor monitor = LoanMonitor.start(booked0, origin.pd(), parameters);
        BigDecimal limit = booked0.amount();
        LoanApplication lastApp = null;

        // positions in the list; months on book are read from each month (a rejected month leaves a gap)
        int defaultIdx = -1;
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).status() == RepaymentStatus.DEFAULT) {
                defaultIdx = i;
                break;
            }
        }
        int observed = defaultIdx >= 0 ? defaultIdx + 1 : months.size();
        int defaultAt = defaultIdx >= 0 ? months.get(defaultIdx).monthsOnBook() : -1;
        int lastMob = months.isEmpty() ? -1 : months.get(months.size() - 1).monthsOnBook();
        boolean serious = false;
        int firstSerious = -1;
        WarningLevel lastLevel = WarningLevel.NONE;
        int lastMask = 0;
        int nextRescore = rescoreEveryMonths;
        for (int i = 0; i < observed; i++) {
            LoanMonth m = months.get(i);
            int t = m.monthsOnBook();
            if (t >= nextRescore && t != defaultAt) {
                nextRescore = (t / rescoreEveryMonths + 1) * rescoreEveryMonths;
                LoanApplication now = ApplicationUpdater.rollForward(booked0, months.subList(0, i + 1));
                Rescorer.Result r = rescorer.rescore(booked0, now);
                Reevaluation re = new Reevaluation(booked0.loanId(), m.month(), t, monitor.currentPd(), r.pd(), limit,
                        r.limit(), r.tier(), r.reasons());
                monitor.rescored(r.pd());
                reevaluations++;
                int change = re.limitChange().signum();
                if (change < 0) {
                    limitCuts++;
                } else if (change > 0) {
                    limitRaises++;
                }
                limit = r.limit().orElse(limit);
                lastApp = now;
                onReevaluation.accept(re);
            }
            int mask = monitor.observe(m);
            WarningLevel level = Objects.requireNonNull(grader.grade(booked0, m, mask, monitor.originationPd(),
                    monitor.currentPd()), "the warning grader returned no level");
            loanMonths++;
            onWarning.accept(new MonthWarning(booked0.loanId(), m.month(), t, level, mask, monitor.currentPd(),
                    m.status()));
            levelsByMonth.computeIfAbsent(m.month(), k -> new long[5])[level.ordinal()]++;
            if (i > 0 && months.get(i - 1).monthsOnBook() == t - 1) {
                rolls[months.get(i - 1).status().ordinal()][m.status().ordinal()]++;
            }
            // default within the next 12 months, counted only where 12 months were observed or a default was
            boolean followed = defaultAt >= 0 || t + 12 <= lastMob;
            boolean defaultsSoon = defaultAt > t && defaultAt - t <= 12;
            if (t != defaultAt && followed) {
                levelMonths[level.ordinal()]++;
                if (defaultsSoon) {
                    levelDefaults[level.ordinal()]++;
                }
                if (level.isSerious()) {
                    seriousMonthsFollowed++;
                    if (defaultsSoon) {
                        seriousMonthsDefaulting++;
                    }
                }
            }
            if (level.isSerious() && t != defaultAt) {
                if (!serious) {
                    firstSerious = t;
                }
                serious = true;
            }
            lastLevel = level;
            lastMask = mask;
        }
        String vintage = quarter(booked0.bookedMonth());
        long[] vl = vintageLoans.computeIfAbsent(vintage, k -> new long[LoanBookHorizon.MOBS]);
        long[] vd = vintageDefaults.computeIfAbsent(vintage, k -> new long[LoanBookHorizon.MOBS]);
        for (int t = 0; t < LoanBookHorizon.MOBS; t++) {
            if (t <= lastMob || defaultAt >= 0) {
                vl[t]++;
            }
        }
        if (defaultAt >= 0) {
            vd[Math.min(defaultAt, LoanBookHorizon.MOBS - 1)]++;
            defaults++;
            double outstanding = Math.max(0, 1 - (double) defaultAt / booked0.termMonths());
            defaultedExposure += booked0.amount().doubleValue() * outstanding;
            if (defaultAt >= 3) {
                defaultsWithLead++;
                if (serious && firstSerious <= defaultAt - 3) {
                    caught++;
                    leadSum += defaultAt - firstSerious;
                }
            }
            if (serious) {
                caughtAnyLead++;
            }
        } else {
            nonDefaultLoans++;
            if (serious) {
                falseAlarmLoans++;
            }
        }
        if (!months.isEmpty()) {
            YearMonth loanLast = months.get(months.size() - 1).month();
            if (latest == null || loanLast.isAfter(latest)) {
                // the book reaches a later month: loans that matured in an earlier one are not live in it
                latest = loanLast;
                maturedLive = 0;
                maturedRed = 0;
                redMatured.clear();
            }
            if (defaultIdx < 0) {
                boolean matured = lastMob >= booked0.termMonths() - 1;
                boolean red = lastLevel == WarningLevel.RED;
                MonitorSummary.RedLoan entry = null;
                if (red) {
                    LoanMonth lm = months.get(observed - 1);
                    entry = new MonitorSummary.RedLoan(booked0.loanId(), lm.month(), lm.monthsOnBook(), lastMask,
                            monitor.currentPd(), lm.status(), booked0.application().enterprise().industry().code());
                }
                if (!matured) {
                    // its term runs on: live, whether or not it has a month in the latest one
                    runningLive++;
                    runningByLastMonth.computeIfAbsent(loanLast, k -> new long[1])[0]++;
                    if (red) {
                        runningRed++;
                        if (redRunning.size() < limits.maxRedListed()) {
                            redRunning.add(entry);
                        }
                    }
                } else if (loanLast.equals(latest)) {
                    // in the last month of its term, and that month is the book's latest: still owed now
                    maturedLive++;
                    if (red) {
                        maturedRed++;
                        if (redMatured.size() < limits.maxRedListed()) {
                            redMatured.add(entry);
                        }
                    }
                }
            }
        }
        originationPd.add(origin.pd());
        if (monitor.currentPd() != origin.pd() || lastApp != null) {
            currentPd.add(monitor.currentPd());
        }
        features.ifPresent(f -> {
            FeatureVector x0 = f.extract(booked0.application());
            for (int i = 0; i < x0.size(); i++) {
                originationFeatures.get(i).add(x0.isMissing(i) ? Double.NaN : x0.value(i));
            }
        });
        if (lastApp != null && features.isPresent()) {
            FeatureVector x = features.get().extract(lastApp);
            for (int i = 0; i < x.size(); i++) {
                currentFeatures.get(i).add(x.isMissing(i) ? Double.NaN : x.value(i));
            }
        }
    }

    private static String quarter(YearMonth m) {
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    /** The views of everything accepted so far. */
    public MonitorSummary summary() {
        Map<YearMonth, Map<WarningLevel, Long>> levels = new TreeMap<>();
        levelsByMonth.forEach((m, c) -> {
            Map<WarningLevel, Long> row = new EnumMap<>(WarningLevel.class);
            for (WarningLevel l : WarningLevel.values()) {
                row.put(l, c[l.ordinal()]);
            }
            levels.put(m, row);
        });
        List<MonitorSummary.Vintage> vintages = new ArrayList<>();
        vintageLoans.forEach((q, vl) -> {
            long[] vd = vintageDefaults.get(q);
            double[] cum = new double[LoanBookHorizon.MOBS];
            long d = 0;
            for (int t = 0; t < cum.length; t++) {
                d += vd[t];
                cum[t] = vl[t] == 0 ? Double.NaN : (double) d / vl[0];
                if (vl[t] < vl[0] / 2) {
                    cum[t] = Double.NaN; // fewer than half the vintage observed this far: not shown
                }
            }
            vintages.add(new MonitorSummary.Vintage(q, vl[0], cum));
        });
        Map<WarningLevel, MonitorSummary.Rate> byLevel = new EnumMap<>(WarningLevel.class);
        for (WarningLevel l : WarningLevel.values()) {
            byLevel.put(l, new MonitorSummary.Rate(levelMonths[l.ordinal()], levelDefaults[l.ordinal()]));
        }
        MonitorSummary.Performance perf = new MonitorSummary.Performance(defaults, defaultsWithLead, caught,
                caughtAnyLead, caught == 0 ? Double.NaN : (double) leadSum / caught, nonDefaultLoans, falseAlarmLoans,
                new MonitorSummary.Rate(seriousMonthsFollowed, seriousMonthsDefaulting));
        double bookedCny = booked.doubleValue();
        double losses = defaultedExposure * limits.lgd();
        double excess = Math.max(0, defaultedExposure - limits.fundThresholdNpl() * bookedCny);
        double fundPays = limits.fundShare() * limits.lgd() * excess;
        MonitorSummary.Fund fund = new MonitorSummary.Fund(bookedCny, defaultedExposure,
                bookedCny == 0 ? 0 : defaultedExposure / bookedCny, limits.lgd(), losses, limits.fundThresholdNpl(),
                limits.fundShare(), fundPays, losses - fundPays);
        List<Drift> drift = new ArrayList<>();
        if (currentPd.size() > 0) {
            drift.add(Drift.of("pd", originationPd.toArray(), currentPd.toArray()));
        }
        features.ifPresent(f -> {
            for (int i = 0; i < f.catalogue().size(); i++) {
                if (currentFeatures.get(i).size() > 0) {
                    drift.add(Drift.of(f.catalogue().get(i).id(), originationFeatures.get(i).toArray(),
                            currentFeatures.get(i).toArray()));
                }
            }
        });
        long[][] rollCopy = new long[5][];
        for (int i = 0; i < 5; i++) {
            rollCopy[i] = rolls[i].clone();
        }
        long withoutLatest = latest == null ? 0
                : runningByLastMonth.headMap(latest, false).values().stream().mapToLong(c -> c[0]).sum();
        List<MonitorSummary.RedLoan> red = new ArrayList<>(redRunning);
        red.addAll(redMatured.subList(0, Math.min(redMatured.size(), limits.maxRedListed() - red.size())));
        return new MonitorSummary(loans, loanMonths, levels, vintages, rollCopy, byLevel, perf, fund, drift,
                Optional.ofNullable(latest), runningLive + maturedLive, runningRed + maturedRed, red, withoutLatest,
                reevaluations, limitCuts, limitRaises, parameters, limits);
    }

    /** The number of months shown in vintage curves. */
    static final class LoanBookHorizon {
        static final int MOBS = 25;

        private LoanBookHorizon() {
        }
    }

    /** A growable array of doubles. */
    private static final class DoubleList {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    /** Builder. */
    public static final class Builder {
        private WarningParameters parameters = WarningParameters.defaults();
        private WarningGrader grader;
        private Rescorer rescorer;
        private int rescoreEveryMonths = 3;
        private FeatureExtractor features;
        private MonitorSummary.Limits limits = MonitorSummary.Limits.defaults();

        private Builder() {
        }

        /** The warning thresholds (default {@link WarningParameters#defaults()}). */
        public Builder parameters(WarningParameters value) {
            parameters = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How a month's signals become a level (default {@link WarningGrader#points}: the points and red
         * triggers of the {@link #parameters(WarningParameters) parameters}); e.g. credit-rules'
         * {@code WarningRules} to grade with Drools rules.
         */
        public Builder grader(WarningGrader value) {
            grader = Objects.requireNonNull(value);
            return this;
        }

        /** How loans are re-scored and re-limited (required). */
        public Builder rescorer(Rescorer value) {
            rescorer = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Months between re-evaluations (default 3: quarterly, as the platform documents ask).
         *
         * @throws IllegalArgumentException if not 1..12
         */
        public Builder rescoreEveryMonths(int value) {
            if (value < 1 || value > 12) {
                throw new IllegalArgumentException("rescoreEveryMonths (" + value + ") must be 1..12");
            }
            rescoreEveryMonths = value;
            return this;
        }

        /** The feature extractor whose indicators are checked for drift (none: PD drift only). */
        public Builder features(FeatureExtractor value) {
            features = Objects.requireNonNull(value);
            return this;
        }

        /** Fund terms, LGD and report limits (default {@link MonitorSummary.Limits#defaults()}). */
        public Builder limits(MonitorSummary.Limits value) {
            limits = Objects.requireNonNull(value);
            return this;
        }

        /** Builds the monitor. */
        public PortfolioMonitor build() {
            return new PortfolioMonitor(this);
        }
    }
}
