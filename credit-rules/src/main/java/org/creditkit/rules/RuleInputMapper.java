package org.creditkit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.TaxGrade;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.domain.Product;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;

/**
 * Maps a loan application, its score and its data-quality report to the flat {@link RuleInput} the
 * rules see. The only place in credit-rules that knows the domain model.
 *
 * <ul>
 *   <li>Decision date: the calendar day of the application time in China Standard Time (UTC+8),
 *       as the feature extractor and the data-quality checker use.</li>
 *   <li>Annual revenue (limit base): the financial statement's revenue when a statement is present,
 *       else the sum of the last 12 months of tax-declared sales when the tax record covers 12 months;
 *       otherwise absent. Self-reported revenue is not a limit base (it is unverified).</li>
 *   <li>Annual tax paid: the sum of the last 12 months of tax paid when 12 months are present; else absent.</li>
 *   <li>Dishonest debtor: any listing not repaired as of the decision date is {@code UNREPAIRED} (red
 *       card); otherwise the latest repair date makes it {@code REPAIRED}; no listing (or no court
 *       record) is {@code NONE}.</li>
 *   <li>Major tax violation (tax record), abnormal-operation and serious-violation lists (penalties
 *       record): as the dishonest debtor, per list ({@link ListStanding}), with the whole months since
 *       the latest repair; an absent record is {@code NONE}.</li>
 *   <li>Serious penalties: penalties of severity SERIOUS dated on or before the decision date; the
 *       months since the latest one.</li>
 *   <li>Whitelist: tax ratings for the three years before the decision year are all A.</li>
 *   <li>Core enterprise rating: from the supply-chain link when present.</li>
 * </ul>
 */
public final class RuleInputMapper {

    private RuleInputMapper() {
    }

    /**
     * Maps one application.
     *
     * @param app the application
     * @param x its extracted features (standard catalogue): every indicator reaches the rules
     * @param score its score result
     * @param quality its data-quality report
     * @return the rule input
     * @throws RuleInputException when the application cannot be expressed as a valid rule input
     */
    public static RuleInput map(LoanApplication app, FeatureVector x, ScoreResult score, DataQualityReport quality) {
        LocalDate day = app.decisionDate();
        var e = app.enterprise();
        var s = app.sources();
        RuleInput.Builder b = RuleInput.builder(app.id(), day)
                .product(app.product())
                .requested(app.amount(), app.termMonths())
                .consent(app.dataUseConsent())
                .industry(e.industry().sectionCode(), e.industry().code())
                .sizeClass(e.sizeClass())
                .region(e.region().code())
                .score(score.pd(), score.score(), score.grade().code())
                .guaranteeOffered(app.guarantee());
        List<Reason> reasons = new ArrayList<>(score.reasons().size());
        for (ReasonCode r : score.reasons()) {
            reasons.add(new Reason(r.code(), r.text(), r.textZh(), SourceLineage.of(r.sources(), app)));
        }
        b.scoreReasons(reasons);
        b.dataQualityFlags(quality.flags());
        b.indicators(Indicators.of(x));
        b.scoreConfidence(score.confidence(), score.missingSources().isEmpty() ? Set.of()
                : EnumSet.copyOf(score.missingSources()));

        TaxRecord tax = s.tax().orElse(null);
        if (s.financials().isPresent()) {
            b.annualRevenue(s.financials().get().revenue().max(BigDecimal.ZERO));
        } else if (tax != null && tax.declaredSales().length() >= 12) {
            b.annualRevenue(last12(tax.declaredSales()));
        }
        if (tax != null && tax.taxPaid().length() >= 12) {
            b.annualTaxPaid(last12(tax.taxPaid()));
        }
        if (tax != null && whitelisted(tax.ratings(), day.getYear())) {
            b.taxRatingA3Years(true);
        }
        if (tax != null) {
            b.majorTaxViolation(standing(tax.majorViolationListings(), day));
        }
        s.penalties().ifPresent(pr -> b.abnormalOperation(standing(pr.abnormalOperationListings(), day))
                .seriousViolation(standing(pr.seriousViolationListings(), day)));
        CourtRecord courts = s.courts().orElse(null);
        if (courts != null && !courts.dishonestListings().isEmpty()) {
            boolean unrepaired = false;
            LocalDate latestRepair = null;
            for (DishonestListing l : courts.dishonestListings()) {
                if (l.listed().isAfter(day)) {
                    continue;
                }
                if (!l.isRepairedAsOf(day)) {
                    unrepaired = true;
                } else if (latestRepair == null || l.repaired().get().isAfter(latestRepair)) {
                    latestRepair = l.repaired().get();
                }
            }
            if (unrepaired) {
                b.unrepairedDishonestDebtor();
            } else if (latestRepair != null) {
                b.repairedDishonestDebtor(latestRepair);
            }
        }
        s.penalties().ifPresent(pr -> {
            List<Penalty> serious = pr.penalties().stream()
                    .filter(p -> p.severity() == PenaltySeverity.SERIOUS && !p.date().isAfter(day)).toList();
            if (!serious.isEmpty()) {
                LocalDate latest = serious.stream().map(Penalty::date).max(Comparator.naturalOrder()).orElseThrow();
                b.seriousPenalties(serious.size(), (int) ChronoUnit.MONTHS.between(latest, day));
            }
        });
        s.supplyChain().ifPresent(link -> {
            if (!link.coreRating().isBlank()) {
                b.coreEnterpriseRating(link.coreRating());
            }
        });
        return b.build();
    }

    private static BigDecimal last12(MonthlySeries series) {
        double sum = 0;
        for (int i = series.length() - 12; i < series.length(); i++) {
            sum += Math.max(0.0, series.get(i));
        }
        return BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP);
    }

    /** Tax rating A in each of the three years before the decision year. */
    static boolean whitelisted(List<TaxRating> ratings, int decisionYear) {
        int a = 0;
        for (int year = decisionYear - 3; year < decisionYear; year++) {
            for (TaxRating r : ratings) {
                if (r.year() == year && r.grade() == TaxGrade.A) {
                    a++;
                    break;
                }
            }
        }
        return a == 3;
    }

    /** The standing on one list as of {@code day}: any listing not repaired by then is UNREPAIRED. */
    static ListStanding standing(List<DishonestListing> listings, LocalDate day) {
        LocalDate latestRepair = null;
        for (DishonestListing l : listings) {
            if (l.listed().isAfter(day)) {
                continue;
            }
            if (!l.isRepairedAsOf(day)) {
                return ListStanding.UNREPAIRED;
            }
            if (latestRepair == null || l.repaired().get().isAfter(latestRepair)) {
                latestRepair = l.repaired().get();
            }
        }
        return latestRepair == null ? ListStanding.NONE
                : ListStanding.repaired((int) ChronoUnit.MONTHS.between(latestRepair, day));
    }
}
