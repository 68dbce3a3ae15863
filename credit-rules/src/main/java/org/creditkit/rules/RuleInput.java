package org.creditkit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.creditkit.core.domain.Product;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.QualificationKind;

/**
 * Everything the decision policy sees about one scored application, as one flat immutable fact.
 *
 * <p>The rules never see the domain model or the scoring runtime: the engine maps a loan
 * application and its score result to this record, and rule files, scenario files and the plain-Java
 * policy are written against it alone. Optional data has an explicit absent representation, never
 * {@code null}: money that may be absent comes as a {@code hasX} flag plus a value that is
 * {@link BigDecimal#ZERO} when absent; absent dates are {@link #NO_DATE}; an absent rating is the
 * empty string with its {@code has} flag false.
 *
 * <p>Example:
 * <pre>{@code
 * RuleInput in = RuleInput.builder("APP-1", LocalDate.of(2026, 11, 21))
 *         .product(Product.GENERAL).requested(new BigDecimal("800000"), 12).consent(true)
 *         .industry("C", "C39").sizeClass(SizeClass.SMALL)
 *         .annualRevenue(new BigDecimal("12000000")).score(0.012, 742.0, "AA")
 *         .build();
 * }</pre>
 *
 * @param applicationId the application identifier (not blank)
 * @param decisionDate the as-of date of the decision; repair dates are measured against it
 * @param product the loan product asked for
 * @param requestedAmount requested amount in CNY, &gt; 0
 * @param requestedTermMonths requested term in months, 1..360
 * @param consent whether the data-use authorisation (consent) is present
 * @param industrySection GB/T 4754-2017 section letter, e.g. {@code "C"}
 * @param industryDivision GB/T 4754-2017 division code, e.g. {@code "C39"}; starts with the section
 * @param sizeClass enterprise size class
 * @param region GB/T 2260 six-digit region code of registration, e.g. {@code "330106"}; the empty
 *        string when unknown (inputs scored elsewhere, scenarios that set none)
 * @param hasAnnualRevenue whether an annual revenue figure is known
 * @param annualRevenue annual revenue in CNY (&gt;= 0); {@link BigDecimal#ZERO} when absent
 * @param hasAnnualTaxPaid whether an annual tax-paid figure is known
 * @param annualTaxPaid annual tax paid in CNY (&gt;= 0); {@link BigDecimal#ZERO} when absent
 * @param pd probability of default in [0, 1]
 * @param score the credit score (finite)
 * @param grade the score grade, e.g. {@code "AAA"} .. {@code "D"} (not blank)
 * @param scoreReasons up to a few score reason codes, most important first
 * @param dataQualityFlags data-quality findings about the source data (may be empty)
 * @param debtorStatus dishonest-debtor list status
 * @param repairDate the date the listing was repaired when {@code debtorStatus == REPAIRED},
 *        otherwise {@link #NO_DATE}
 * @param seriousPenaltyCount serious administrative penalties on record (&gt;= 0)
 * @param monthsSinceLastSeriousPenalty months since the latest serious penalty (&gt;= 0), or
 *        {@link #NO_PENALTY} when the count is zero
 * @param taxRatingA3Years whether the tax credit rating was A in each of the last three years (whitelist)
 * @param hasCoreEnterpriseRating whether a supply-chain core enterprise rating is known
 * @param coreEnterpriseRating that rating (e.g. {@code "AA"}); empty when absent
 * @param guaranteeOffered the guarantee the applicant offers
 * @param scoreConfidence share of the model's discriminating weight resting on present data, in [0, 1]
 *        (1 when the score was computed elsewhere and no confidence is known)
 * @param missingSources the data sources of the missing indicators that carry weight (may be empty)
 * @param indicators every indicator of the standard catalogue by id, with its missing state
 *        ({@link Indicators#none()} when the input was scored elsewhere)
 * @param majorTaxViolation standing on the major tax violation list (重大税收违法失信主体)
 * @param abnormalOperation standing on the abnormal-operation list (经营异常名录)
 * @param seriousViolation standing on the serious-violation list (严重违法失信名单)
 * @param qualifications the enterprise's certificates (high-tech, 专精特新, ...), valid or expired; a product's
 *        {@code requiredQualifications} counts those valid on the decision date (may be empty)
 */
public record RuleInput(
        String applicationId,
        LocalDate decisionDate,
        Product product,
        BigDecimal requestedAmount,
        int requestedTermMonths,
        boolean consent,
        String industrySection,
        String industryDivision,
        SizeClass sizeClass,
        String region,
        boolean hasAnnualRevenue,
        BigDecimal annualRevenue,
        boolean hasAnnualTaxPaid,
        BigDecimal annualTaxPaid,
        double pd,
        double score,
        String grade,
        List<Reason> scoreReasons,
        Set<DataQualityFlag> dataQualityFlags,
        DebtorStatus debtorStatus,
        LocalDate repairDate,
        int seriousPenaltyCount,
        int monthsSinceLastSeriousPenalty,
        boolean taxRatingA3Years,
        boolean hasCoreEnterpriseRating,
        String coreEnterpriseRating,
        GuaranteeType guaranteeOffered,
        double scoreConfidence,
        Set<DataSource> missingSources,
        Indicators indicators,
        ListStanding majorTaxViolation,
        ListStanding abnormalOperation,
        ListStanding seriousViolation,
        List<Qualification> qualifications) {

    /** The explicit absent date ({@link LocalDate#MIN}). */
    public static final LocalDate NO_DATE = LocalDate.MIN;

    /** {@link #monthsSinceLastSeriousPenalty} when there is no serious penalty. */
    public static final int NO_PENALTY = -1;


    /**
     * Checks every field; the messages are built only for an invalid field (a decision maps its
     * application to a {@code RuleInput} on every call).

     *
     * @throws RuleInputException naming the first invalid field and what would be valid
     */
    public RuleInput {
        String id = applicationId == null ? "?" : applicationId;
        if (!(applicationId != null && !applicationId.isBlank())) {
            throw invalid(id, "applicationId", "must not be blank");
        }
        if (!(decisionDate != null && !decisionDate.equals(NO_DATE))) {
            throw invalid(id, "decisionDate", "must be a real date");
        }
        if (product == null) {
            throw invalid(id, "product", "must be a product id (e.g. GENERAL)");
        }
        if (!(requestedAmount != null && requestedAmount.signum() > 0)) {
            throw invalid(id, "requestedAmount", "must be > 0 CNY, got " + requestedAmount);
        }
        if (!(requestedTermMonths >= 1 && requestedTermMonths <= 360)) {
            throw invalid(id, "requestedTermMonths", "must be in 1..360, got " + requestedTermMonths);
        }
        if (industrySection == null || industrySection.length() != 1 || !isSection(industrySection.charAt(0))) {
            throw invalid(id, "industrySection", "must be a GB/T 4754 section letter A..T, got '" + industrySection
                    + "'");
        }
        if (industryDivision == null || industryDivision.length() != 3
                || industryDivision.charAt(0) != industrySection.charAt(0)
                || !isDigit(industryDivision.charAt(1)) || !isDigit(industryDivision.charAt(2))) {
            throw invalid(id, "industryDivision", "must be the section letter plus two digits (e.g. " + industrySection
                    + "39), got '" + industryDivision + "'");
        }
        if (sizeClass == null) {
            throw invalid(id, "sizeClass", "must be one of " + List.of(SizeClass.values()));
        }
        if (region == null || !isRegion(region)) {
            throw invalid(id, "region", "must be a six-digit GB/T 2260 code (e.g. 330106) or empty when unknown, got '"
                    + region + "'");
        }
        checkOptionalMoney(id, "annualRevenue", hasAnnualRevenue, annualRevenue);
        checkOptionalMoney(id, "annualTaxPaid", hasAnnualTaxPaid, annualTaxPaid);
        if (!(pd >= 0.0 && pd <= 1.0)) {
            throw invalid(id, "pd", "must be in [0, 1], got " + pd);
        }
        if (!Double.isFinite(score)) {
            throw invalid(id, "score", "must be finite, got " + score);
        }
        if (!(grade != null && !grade.isBlank())) {
            throw invalid(id, "grade", "must not be blank");
        }
        if (scoreReasons == null) {
            throw invalid(id, "scoreReasons", "must not be null (use an empty list)");
        }
        // a mapped input's score reasons are immutable already, and made with their lineage on first read
        scoreReasons = scoreReasons instanceof ScoreReasons ? scoreReasons : List.copyOf(scoreReasons);
        if (dataQualityFlags == null) {
            throw invalid(id, "dataQualityFlags", "must not be null (use an empty set)");
        }
        dataQualityFlags = DataQualityFlag.setOf(dataQualityFlags); // shared per combination, its text written once
        if (debtorStatus == null) {
            throw invalid(id, "debtorStatus", "must be one of " + List.of(DebtorStatus.values()));
        }
        if (repairDate == null) {
            throw invalid(id, "repairDate", "must not be null (use RuleInput.NO_DATE)");
        }
        if (debtorStatus == DebtorStatus.REPAIRED) {
            if (repairDate.equals(NO_DATE) || repairDate.isAfter(decisionDate)) {
                throw invalid(id, "repairDate", "must be a date on or before the decision date " + decisionDate
                        + " when debtorStatus is REPAIRED");
            }
        } else if (!repairDate.equals(NO_DATE)) {
            throw invalid(id, "repairDate", "must be absent (NO_DATE) unless debtorStatus is REPAIRED, got "
                    + repairDate);
        }
        if (seriousPenaltyCount < 0) {
            throw invalid(id, "seriousPenaltyCount", "must be >= 0, got " + seriousPenaltyCount);
        }
        if (seriousPenaltyCount == 0) {
            if (monthsSinceLastSeriousPenalty != NO_PENALTY) {
                throw invalid(id, "monthsSinceLastSeriousPenalty",
                        "must be NO_PENALTY (-1) when seriousPenaltyCount is 0, got " + monthsSinceLastSeriousPenalty);
            }
        } else if (monthsSinceLastSeriousPenalty < 0) {
            throw invalid(id, "monthsSinceLastSeriousPenalty",
                    "must be >= 0 when seriousPenaltyCount > 0, got " + monthsSinceLastSeriousPenalty);
        }
        if (coreEnterpriseRating == null) {
            throw invalid(id, "coreEnterpriseRating", "must not be null (use \"\")");
        }
        if (hasCoreEnterpriseRating == coreEnterpriseRating.isEmpty()) {
            throw invalid(id, "coreEnterpriseRating", "must be non-empty exactly when hasCoreEnterpriseRating is true,"
                    + " got '" + coreEnterpriseRating + "'");
        }
        if (guaranteeOffered == null) {
            throw invalid(id, "guaranteeOffered", "must be one of " + List.of(GuaranteeType.values()));
        }
        if (!(scoreConfidence >= 0 && scoreConfidence <= 1)) {
            throw invalid(id, "scoreConfidence", "must be in [0, 1], got " + scoreConfidence);
        }
        if (missingSources == null) {
            throw invalid(id, "missingSources", "must not be null (use an empty set)");
        }
        missingSources = SharedSourceSet.of(missingSources); // one shared immutable set per combination
        if (indicators == null) {
            throw invalid(id, "indicators", "must not be null (use Indicators.none())");
        }
        if (majorTaxViolation == null) {
            throw invalid(id, "majorTaxViolation", "must not be null (use ListStanding.NONE)");
        }
        if (abnormalOperation == null) {
            throw invalid(id, "abnormalOperation", "must not be null (use ListStanding.NONE)");
        }
        if (seriousViolation == null) {
            throw invalid(id, "seriousViolation", "must not be null (use ListStanding.NONE)");
        }
        if (qualifications == null) {
            throw invalid(id, "qualifications", "must not be null (use an empty list)");
        }
        qualifications = List.copyOf(qualifications);
    }

    private static void checkOptionalMoney(String id, String field, boolean has, BigDecimal value) {
        if (value == null) {
            throw invalid(id, field, "must not be null (use BigDecimal.ZERO with has" + capital(field) + " false)");
        }
        if (has) {
            if (value.signum() < 0) {
                throw invalid(id, field, "must be >= 0 CNY, got " + value);
            }
        } else if (value.signum() != 0) {
            throw invalid(id, field, "must be ZERO when has" + capital(field) + " is false, got " + value);
        }
    }

    private static boolean isSection(char c) {
        return c >= 'A' && c <= 'T';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The empty string (unknown) or six digits not starting with 0, as GB/T 2260 codes are. */
    private static boolean isRegion(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (s.length() != 6 || s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The exception for an invalid field; messages are only built for an invalid input. */
    private static RuleInputException invalid(String id, String field, String what) {
        return new RuleInputException("RuleInput " + id + ": " + field + " " + what);
    }

    /**
     * Whole months from the repair date to the decision date, or -1 unless the listing is repaired.
     *
     * @return months since repair, or -1
     */
    public int monthsSinceRepair() {
        return debtorStatus == DebtorStatus.REPAIRED
                ? (int) ChronoUnit.MONTHS.between(repairDate, decisionDate) : -1;
    }

    /**
     * Whether the enterprise holds a certificate of {@code kind} valid on the decision date.
     *
     * @param kind the qualification
     * @return true when one is valid on {@link #decisionDate()}
     */
    public boolean holds(QualificationKind kind) {
        for (Qualification q : qualifications) {
            if (q.kind() == kind && q.isValidOn(decisionDate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a builder; fields not set keep the documented defaults of {@link Builder}.
     *
     * @param applicationId the application identifier
     * @param decisionDate the as-of date of the decision
     * @return a builder
     */
    public static Builder builder(String applicationId, LocalDate decisionDate) {
        return new Builder(applicationId, decisionDate);
    }

    /**
     * Returns a builder initialised with every field of this input.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(applicationId, decisionDate);
        b.product = product;
        b.requestedAmount = requestedAmount;
        b.requestedTermMonths = requestedTermMonths;
        b.consent = consent;
        b.industrySection = industrySection;
        b.industryDivision = industryDivision;
        b.sizeClass = sizeClass;
        b.region = region;
        b.hasAnnualRevenue = hasAnnualRevenue;
        b.annualRevenue = annualRevenue;
        b.hasAnnualTaxPaid = hasAnnualTaxPaid;
        b.annualTaxPaid = annualTaxPaid;
        b.pd = pd;
        b.score = score;
        b.grade = grade;
        b.scoreReasons = scoreReasons;
        b.dataQualityFlags = dataQualityFlags;
        b.debtorStatus = debtorStatus;
        b.repairDate = repairDate;
        b.seriousPenaltyCount = seriousPenaltyCount;
        b.monthsSinceLastSeriousPenalty = monthsSinceLastSeriousPenalty;
        b.taxRatingA3Years = taxRatingA3Years;
        b.hasCoreEnterpriseRating = hasCoreEnterpriseRating;
        b.coreEnterpriseRating = coreEnterpriseRating;
        b.guaranteeOffered = guaranteeOffered;
        b.scoreConfidence = scoreConfidence;
        b.missingSources = missingSources;
        b.indicators = indicators;
        b.majorTaxViolation = majorTaxViolation;
        b.abnormalOperation = abnormalOperation;
        b.seriousViolation = seriousViolation;
        b.qualifications = qualifications;
        return b;
    }

    /**
     * Builder for {@link RuleInput}. Defaults: product GENERAL, no consent, section/division unset
     * (must be set), size SMALL, revenue and tax absent, PD/score/grade unset (must be set), no
     * reasons, no flags, never listed (on any list), no penalties, not whitelisted, no core rating, no guarantee.
     * {@link #build()} validates everything.
     */
    public static final class Builder {
        private final String applicationId;
        private final LocalDate decisionDate;
        private Product product = Product.GENERAL;
        private BigDecimal requestedAmount;
        private int requestedTermMonths;
        private boolean consent;
        private String industrySection;
        private String industryDivision;
        private SizeClass sizeClass = SizeClass.SMALL;
        private String region = "";
        private boolean hasAnnualRevenue;
        private BigDecimal annualRevenue = BigDecimal.ZERO;
        private boolean hasAnnualTaxPaid;
        private BigDecimal annualTaxPaid = BigDecimal.ZERO;
        private double pd = Double.NaN;
        private double score = Double.NaN;
        private String grade;
        private List<Reason> scoreReasons = List.of();
        private Set<DataQualityFlag> dataQualityFlags = Set.of();
        private DebtorStatus debtorStatus = DebtorStatus.NONE;
        private LocalDate repairDate = NO_DATE;
        private int seriousPenaltyCount;
        private int monthsSinceLastSeriousPenalty = NO_PENALTY;
        private boolean taxRatingA3Years;
        private boolean hasCoreEnterpriseRating;
        private String coreEnterpriseRating = "";
        private GuaranteeType guaranteeOffered = GuaranteeType.NONE;
        private double scoreConfidence = 1.0;
        private Set<DataSource> missingSources = Set.of();
        private Indicators indicators = Indicators.none();
        private ListStanding majorTaxViolation = ListStanding.NONE;
        private ListStanding abnormalOperation = ListStanding.NONE;
        private ListStanding seriousViolation = ListStanding.NONE;
        private List<Qualification> qualifications = List.of();

        private Builder(String applicationId, LocalDate decisionDate) {
            this.applicationId = applicationId;
            this.decisionDate = decisionDate;
        }

        /**
         * Sets a field.
         *
         * @param value the product
         * @return this builder
         */
        public Builder product(Product value) {
            product = value;
            return this;
        }

        /**
         * Sets the request.
         *
         * @param amount requested amount in CNY
         * @param termMonths requested term in months
         * @return this builder
         */
        public Builder requested(BigDecimal amount, int termMonths) {
            requestedAmount = amount;
            requestedTermMonths = termMonths;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value whether data-use consent is present
         * @return this builder
         */
        public Builder consent(boolean value) {
            consent = value;
            return this;
        }

        /**
         * Sets the industry.
         *
         * @param section GB/T 4754 section letter
         * @param division GB/T 4754 division code
         * @return this builder
         */
        public Builder industry(String section, String division) {
            industrySection = section;
            industryDivision = division;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value the size class
         * @return this builder
         */
        public Builder sizeClass(SizeClass value) {
            sizeClass = value;
            return this;
        }

        /**
         * Sets the region of registration.
         *
         * @param value GB/T 2260 six-digit code, or the empty string when unknown
         * @return this builder
         */
        public Builder region(String value) {
            region = value;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value known annual revenue in CNY
         * @return this builder
         */
        public Builder annualRevenue(BigDecimal value) {
            hasAnnualRevenue = true;
            annualRevenue = value;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value known annual tax paid in CNY
         * @return this builder
         */
        public Builder annualTaxPaid(BigDecimal value) {
            hasAnnualTaxPaid = true;
            annualTaxPaid = value;
            return this;
        }

        /**
         * Sets the score result.
         *
         * @param pdValue probability of default
         * @param scoreValue score
         * @param gradeValue grade
         * @return this builder
         */
        public Builder score(double pdValue, double scoreValue, String gradeValue) {
            pd = pdValue;
            score = scoreValue;
            grade = gradeValue;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value score reason codes
         * @return this builder
         */
        public Builder scoreReasons(List<Reason> value) {
            scoreReasons = value;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value data-quality flags
         * @return this builder
         */
        public Builder dataQualityFlags(Set<DataQualityFlag> value) {
            dataQualityFlags = value;
            return this;
        }

        /**
         * Marks the enterprise as listed and unrepaired (red card).
         *
         * @return this builder
         */
        public Builder unrepairedDishonestDebtor() {
            debtorStatus = DebtorStatus.UNREPAIRED;
            repairDate = NO_DATE;
            return this;
        }

        /**
         * Marks the listing as repaired.
         *
         * @param date the repair date of a repaired listing
         * @return this builder
         */
        public Builder repairedDishonestDebtor(LocalDate date) {
            debtorStatus = DebtorStatus.REPAIRED;
            repairDate = date;
            return this;
        }

        /**
         * Sets the standing on the major tax violation list (重大税收违法失信主体).
         *
         * @param value the standing
         * @return this builder
         */
        public Builder majorTaxViolation(ListStanding value) {
            majorTaxViolation = value;
            return this;
        }

        /**
         * Sets the standing on the abnormal-operation list (经营异常名录).
         *
         * @param value the standing
         * @return this builder
         */
        public Builder abnormalOperation(ListStanding value) {
            abnormalOperation = value;
            return this;
        }

        /**
         * Sets the standing on the serious-violation list (严重违法失信名单).
         *
         * @param value the standing
         * @return this builder
         */
        public Builder seriousViolation(ListStanding value) {
            seriousViolation = value;
            return this;
        }

        /**
         * Sets the serious penalties.
         *
         * @param count serious penalties on record
         * @param monthsSinceLast months since the latest one (ignored when count is 0)
         * @return this builder
         */
        public Builder seriousPenalties(int count, int monthsSinceLast) {
            seriousPenaltyCount = count;
            monthsSinceLastSeriousPenalty = count == 0 ? NO_PENALTY : monthsSinceLast;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value tax rating A three years running
         * @return this builder
         */
        public Builder taxRatingA3Years(boolean value) {
            taxRatingA3Years = value;
            return this;
        }

        /**
         * Sets the core enterprise rating (present).
         *
         * @param rating the supply-chain core enterprise rating
         * @return this builder
         */
        public Builder coreEnterpriseRating(String rating) {
            hasCoreEnterpriseRating = true;
            coreEnterpriseRating = rating;
            return this;
        }

        /**
         * Sets a field.
         *
         * @param value the guarantee offered
         * @return this builder
         */
        public Builder guaranteeOffered(GuaranteeType value) {
            guaranteeOffered = value;
            return this;
        }

        /**
         * Sets the score's confidence and the sources whose absence lowered it.
         *
         * @param confidence share of discriminating weight on present data, in [0, 1]
         * @param sources the missing sources
         * @return this builder
         */
        public Builder scoreConfidence(double confidence, Set<DataSource> sources) {
            scoreConfidence = confidence;
            missingSources = sources;
            return this;
        }

        /**
         * Sets the enterprise's certificates, valid or expired.
         *
         * @param value the certificates
         * @return this builder
         */
        public Builder qualifications(List<Qualification> value) {
            qualifications = value;
            return this;
        }

        /**
         * Sets the indicators the model saw.
         *
         * @param value the indicators
         * @return this builder
         */
        public Builder indicators(Indicators value) {
            indicators = value;
            return this;
        }

        /**
         * Builds and validates the input.
         *
         * @return the input
         * @throws RuleInputException naming the first invalid field
         */
        public RuleInput build() {
            return new RuleInput(applicationId, decisionDate, product, requestedAmount, requestedTermMonths, consent,
                    industrySection, industryDivision, sizeClass, region, hasAnnualRevenue, annualRevenue, hasAnnualTaxPaid,
                    annualTaxPaid, pd, score, grade, scoreReasons, dataQualityFlags, debtorStatus, repairDate,
                    seriousPenaltyCount, monthsSinceLastSeriousPenalty, taxRatingA3Years, hasCoreEnterpriseRating,
                    coreEnterpriseRating, guaranteeOffered, scoreConfidence, missingSources, indicators,
                    majorTaxViolation, abnormalOperation, seriousViolation, qualifications);
        }
    }
}
