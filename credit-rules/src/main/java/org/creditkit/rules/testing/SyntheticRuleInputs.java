package org.creditkit.rules.testing;

import org.creditkit.rules.Indicators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.rules.ListStanding;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleInput;

/**
 * Deterministic random {@link RuleInput}s that exercise every branch of the default policy (PDs
 * around every cutoff, amounts around every cap, every product, size, flag, card and guarantee),
 * for cross-checks and benchmarks. Not a portfolio model: the realistic synthetic portfolio lives
 * in credit-core.
 */
public final class SyntheticRuleInputs {

    private static final String[] GRADES = {"AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D"};
    private static final String[][] INDUSTRIES = {
        {"A", "A01"}, {"C", "C13"}, {"C", "C34"}, {"C", "C39"}, {"D", "D44"}, {"E", "E47"}, {"F", "F48"},
        {"G", "G51"}, {"H", "H62"}, {"I", "I65"}, {"M", "M73"}, {"L", "L72"},
    };
    /** The products of the built-in products.json. */
    private static final List<Product> PRODUCTS = List.of(Product.GENERAL, Product.TECHNOLOGY, Product.GREEN,
            Product.AGRICULTURE, Product.SUPPLY_CHAIN);
    private static final String[] REGIONS = {"", "330106", "110105", "440305", "510107", "620102"};
    private static final String[] CORE_RATINGS = {"AAA", "AA", "A", "BBB", "BB"};
    private static final double[] PD_POINTS = {0.03, 0.035, 0.05, 0.08, 0.09, 0.10, 0.12, 0.2};
    private static final long[] AMOUNT_POINTS = {3_000_000L, 5_000_000L, 10_000_000L, 20_000_000L, 50_000_000L};
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private SyntheticRuleInputs() {
    }

    /**
     * Generates inputs.
     *
     * @param seed the random seed (same seed, same inputs)
     * @param count how many
     * @return the inputs, ids {@code R0}, {@code R1}, ...
     */
    public static List<RuleInput> generate(long seed, int count) {
        Random r = new Random(seed);
        List<RuleInput> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next(r, "R" + i));
        }
        return out;
    }

    /**
     * One random input.
     *
     * @param r the random source
     * @param id the application id
     * @return the input
     */
    public static RuleInput next(Random r, String id) {
        String[] ind = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
        double pd = r.nextInt(5) == 0 ? PD_POINTS[r.nextInt(PD_POINTS.length)] : Math.pow(r.nextDouble(), 2.5) * 0.45;
        BigDecimal amount = r.nextInt(6) == 0 ? BigDecimal.valueOf(AMOUNT_POINTS[r.nextInt(AMOUNT_POINTS.length)])
                : BigDecimal.valueOf(Math.round(Math.exp(11.5 + r.nextDouble() * 6.5) / 1000.0) * 1000L + 1000L);
        String grade = r.nextInt(50) == 0 ? "NR" : GRADES[Math.min(GRADES.length - 1, (int) (pd * 40))];
        RuleInput.Builder b = RuleInput.builder(id, TODAY)
                .product(PRODUCTS.get(r.nextInt(PRODUCTS.size())))
                .region(REGIONS[r.nextInt(REGIONS.length)])
                .requested(amount, 3 + r.nextInt(58))
                .consent(r.nextInt(40) != 0)
                .industry(ind[0], ind[1])
                .sizeClass(SizeClass.values()[r.nextInt(SizeClass.values().length)])
                .score(pd, 800 - pd * 1000, grade)
                .taxRatingA3Years(r.nextInt(5) == 0)
                .guaranteeOffered(GuaranteeType.values()[r.nextInt(GuaranteeType.values().length)]);
        if (r.nextInt(10) != 0) {
            b.annualRevenue(BigDecimal.valueOf(Math.round(Math.exp(13 + r.nextDouble() * 6.5))));
        }
        if (r.nextInt(7) != 0) {
            b.annualTaxPaid(BigDecimal.valueOf(Math.round(Math.exp(9 + r.nextDouble() * 6)), 0));
        }
        if (r.nextInt(8) == 0) {
            Set<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
            for (DataQualityFlag f : DataQualityFlag.values()) {
                if (r.nextInt(3) == 0) {
                    flags.add(f);
                }
            }
            b.dataQualityFlags(flags);
        }
        int card = r.nextInt(20);
        if (card == 0) {
            b.unrepairedDishonestDebtor();
        } else if (card <= 2) {
            b.repairedDishonestDebtor(TODAY.minusDays(r.nextInt(1500)));
        }
        if (r.nextInt(15) == 0) {
            b.seriousPenalties(1 + r.nextInt(3), r.nextInt(72));
        }
        if (r.nextInt(10) < 7) {
            b.coreEnterpriseRating(CORE_RATINGS[r.nextInt(CORE_RATINGS.length)]);
        }
        if (r.nextInt(5) == 0) {
            java.util.Map<String, Double> seen = new java.util.HashMap<>();
            seen.put("current_days_overdue", r.nextInt(3) == 0 ? Double.NaN : (double) (r.nextInt(3) == 0 ? 0 : r.nextInt(90)));
            seen.put("enforcement_cases", (double) (r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0));
            seen.put("firm_age_years", r.nextInt(4) == 0 ? Double.NaN : r.nextDouble() * 20);
            seen.put("invention_patents", (double) r.nextInt(4));
            b.indicators(Indicators.of(seen));
        }
        if (r.nextInt(6) == 0) {
            DataSource[] all = DataSource.values();
            b.scoreConfidence(r.nextDouble(), EnumSet.of(all[r.nextInt(all.length)], all[r.nextInt(all.length)]));
        }
        if (r.nextInt(4) == 0) {
            b.scoreReasons(List.of(Reason.of("R" + r.nextInt(40), "reason", "原因")));
        }
        b.majorTaxViolation(standing(r, 60)).abnormalOperation(standing(r, 15)).seriousViolation(standing(r, 60));
        b.qualifications(qualifications(r));
        return b.build();
    }

    /**
     * Half the inputs hold certificates: one or two of different kinds, issued up to about four years
     * ago for one or three years, so that some have expired by the decision date.
     */
    private static List<Qualification> qualifications(Random r) {
        if (r.nextInt(2) == 0) {
            return List.of();
        }
        QualificationKind[] kinds = QualificationKind.values();
        int first = r.nextInt(kinds.length);
        int count = 1 + r.nextInt(2);
        List<Qualification> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            LocalDate issued = TODAY.minusDays(10 + r.nextInt(1400));
            out.add(new Qualification(kinds[(first + k) % kinds.length], Optional.empty(), issued,
                    issued.plusYears(r.nextBoolean() ? 1 : 3).minusDays(1)));
        }
        return out;
    }

    /** About one in {@code oneIn} listed, a third of those unrepaired, the rest repaired up to 4 years ago. */
    private static ListStanding standing(Random r, int oneIn) {
        if (r.nextInt(oneIn) != 0) {
            return ListStanding.NONE;
        }
        return r.nextInt(3) == 0 ? ListStanding.UNREPAIRED : ListStanding.repaired(r.nextInt(48));
    }
}
