package org.creditkit.core.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.codes.IndustryCatalogue;

/**
 * What {@link PortfolioGenerator} generates: how many records, from which seed, over which
 * application dates, and which group biases to inject for fairness testing.
 *
 * <pre>{@code
 * GeneratorConfig cfg = GeneratorConfig.builder()
 *         .count(100_000).seed(42)
 *         .applicationDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
 *         .recordedOutcomeBias('H', 0.7)   // catering's recorded defaults inflated (label bias)
 *         .scoringBias('I', 0.5)           // IT firms' data understates their quality (measurement bias)
 *         .build();
 * }</pre>
 *
 * <h2>Biases</h2>
 * Both kinds leave the ground truth ({@code truePd}) untouched, so an audit can measure them:
 * <ul>
 *   <li>{@linkplain #recordedOutcomeBiases() recorded-outcome bias} (label bias): for enterprises of
 *       the industry section, the recorded {@code defaulted12m} is drawn with log-odds
 *       {@code logit(truePd) + shift} instead of {@code logit(truePd)}: history over-records their
 *       defaults, and a model trained on it learns to over-predict their PD.</li>
 *   <li>{@linkplain #scoringBiases() scoring bias} (measurement bias): for enterprises of the section,
 *       every observable continuous indicator (financial ratios, sales and headcount trends, tax
 *       ratings, continuity, R&amp;D...) is generated from a latent quality {@code shift} standard
 *       deviations <em>lower</em> than the one that drives {@code truePd}: their data looks worse than
 *       their true risk, as the platform documents report for technology firms scored too low.</li>
 * </ul>
 *
 * @param count                  number of records (&gt;= 0)
 * @param seed                   the seed; the same config gives the same records
 * @param firstApplicationDate   earliest application date (China Standard Time)
 * @param lastApplicationDate    latest application date, on or after the first
 * @param recordedOutcomeBiases  label biases, at most one per industry section
 * @param scoringBiases          measurement biases, at most one per industry section
 */
public record GeneratorConfig(long count, long seed, LocalDate firstApplicationDate, LocalDate lastApplicationDate,
                              List<GroupBias> recordedOutcomeBiases, List<GroupBias> scoringBiases) {

    /** Default count used by {@link #builder()}. */
    public static final long DEFAULT_COUNT = 10_000;
    /** Default seed used by {@link #builder()}. */
    public static final long DEFAULT_SEED = 20240601L;

    /**
     * @throws IllegalArgumentException on a negative count, dates out of order or before 2000, or two
     *                                  biases of one kind for the same section
     */
    public GeneratorConfig {
        Objects.requireNonNull(firstApplicationDate, "firstApplicationDate");
        Objects.requireNonNull(lastApplicationDate, "lastApplicationDate");
        recordedOutcomeBiases = List.copyOf(recordedOutcomeBiases);
        scoringBiases = List.copyOf(scoringBiases);
        if (count < 0) {
            throw new IllegalArgumentException("count (" + count + ") must be >= 0");
        }
        if (lastApplicationDate.isBefore(firstApplicationDate)) {
            throw new IllegalArgumentException("lastApplicationDate " + lastApplicationDate
                    + " is before firstApplicationDate " + firstApplicationDate + "; give first <= last");
        }
        if (firstApplicationDate.getYear() < 2000 || lastApplicationDate.getYear() > 2100) {
            throw new IllegalArgumentException("application dates must lie in 2000..2100, got "
                    + firstApplicationDate + ".." + lastApplicationDate);
        }
        checkUnique("recordedOutcomeBias", recordedOutcomeBiases);
        checkUnique("scoringBias", scoringBiases);
    }

    private static void checkUnique(String kind, List<GroupBias> biases) {
        for (int i = 0; i < biases.size(); i++) {
            for (int j = i + 1; j < biases.size(); j++) {
                if (biases.get(i).industrySection() == biases.get(j).industrySection()) {
                    throw new IllegalArgumentException(kind + " is given twice for industry section "
                            + biases.get(i).industrySection() + "; give one shift per section");
                }
            }
        }
    }

    /** A builder with {@link #DEFAULT_COUNT} records, {@link #DEFAULT_SEED}, application dates in 2024, no bias. */
    public static Builder builder() {
        return new Builder();
    }

    /** The recorded-outcome shift of a section, if any. */
    public Optional<GroupBias> recordedOutcomeBias(char industrySection) {
        return find(recordedOutcomeBiases, industrySection);
    }

    /** The scoring (measurement) shift of a section, if any. */
    public Optional<GroupBias> scoringBias(char industrySection) {
        return find(scoringBiases, industrySection);
    }

    private static Optional<GroupBias> find(List<GroupBias> list, char section) {
        for (GroupBias b : list) {
            if (b.industrySection() == section) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * A bias against (positive shift) or in favour of (negative shift) one GB/T 4754 industry section.
     *
     * @param industrySection section letter {@code A}..{@code T}
     * @param shift           log-odds shift (recorded-outcome bias) or latent-quality shift in standard
     *                        deviations (scoring bias); finite, |shift| &lt;= 5
     */
    public record GroupBias(char industrySection, double shift) {

        /** @throws IllegalArgumentException on an unknown section or a non-finite or too large shift */
        public GroupBias {
            if (!IndustryCatalogue.sections().contains(industrySection)) {
                throw new IllegalArgumentException("industry section '" + industrySection
                        + "' is not a GB/T 4754-2017 section (valid: A..T)");
            }
            if (!Double.isFinite(shift) || Math.abs(shift) > 5) {
                throw new IllegalArgumentException("bias shift (" + shift + ") must be finite and within -5..5");
            }
        }

        /** Factory. */
        public static GroupBias of(char industrySection, double shift) {
            return new GroupBias(industrySection, shift);
        }
    }

    /** Builder; {@link #build()} validates. */
    public static final class Builder {
        private long count = DEFAULT_COUNT;
        private long seed = DEFAULT_SEED;
        private LocalDate first = LocalDate.of(2024, 1, 1);
        private LocalDate last = LocalDate.of(2024, 12, 31);
        private final List<GroupBias> outcome = new ArrayList<>();
        private final List<GroupBias> scoring = new ArrayList<>();

        private Builder() {
        }

        /** Number of records (&gt;= 0). */
        public Builder count(long count) {
            this.count = count;
            return this;
        }

        /** The seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Application dates, both inclusive. */
        public Builder applicationDates(LocalDate first, LocalDate last) {
            this.first = Objects.requireNonNull(first, "first");
            this.last = Objects.requireNonNull(last, "last");
            return this;
        }

        /** Adds a recorded-outcome (label) bias: recorded defaults drawn at {@code logit(truePd) + logOddsShift}. */
        public Builder recordedOutcomeBias(char industrySection, double logOddsShift) {
            outcome.add(GroupBias.of(industrySection, logOddsShift));
            return this;
        }

        /** Adds a scoring (measurement) bias: observable data generated from quality lowered by {@code sdShift}. */
        public Builder scoringBias(char industrySection, double sdShift) {
            scoring.add(GroupBias.of(industrySection, sdShift));
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException as the record constructor
         */
        public GeneratorConfig build() {
            return new GeneratorConfig(count, seed, first, last, outcome, scoring);
        }
    }
}
