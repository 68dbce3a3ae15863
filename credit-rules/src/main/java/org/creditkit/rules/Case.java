package org.creditkit.rules;

import org.creditkit.core.domain.Product;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one fact a decision inserts into the rule session: the {@link RuleInput}, the rule set's
 * {@link PolicyParameters}, the {@link ProductPolicy} of the input's product, and the verdict
 * collector the rules write into. Rules are single patterns over it, e.g.
 * <pre>{@code
 * rule "instant-low-risk"
 * when
 *     $c : Case( input.pd <= product.instantMaxPd, input.requestedAmount <= product.autoApprovalCap )
 * then
 *     $c.tier(Tier.INSTANT_APPROVAL, "Low risk ...", "低风险 ...");
 * end
 * }</pre>
 * A verdict method without a rule name records the verdict under the rule that is firing (the engine's
 * agenda filter names it before each consequence runs); the forms taking the name first, e.g.
 * {@code $c.tier(drools.getRule().getName(), ...)}, record the same. Without {@code drools} in a consequence
 * Drools builds no per-firing helper objects for it (about 45 bytes a firing).
 * One fact and no joins keep a decision cheap (the Drools network evaluates alpha constraints only).
 * A few parameter look-ups that take the input as an argument are precomputed as boolean properties
 * ({@link #isReviewFlagged()}, {@link #isWarningFlagged()}, {@link #isCoreRatingAccepted()},
 * {@link #isGradePriced()}, {@link #isRiskFundCovered()}). A fresh case per decision; not thread-safe.
 */
public final class Case {

    private final RuleInput input;
    private final PolicyParameters params;
    private final ProductPolicy product;
    private final List<Criterion> ineligible;
    private final Verdicts verdicts = new Verdicts();

    Case(RuleInput input, PolicyParameters params) {
        this.input = input;
        this.params = params;
        this.product = params.product(input.product());
        this.ineligible = product.eligibility().failures(input);
    }

    /**
     * Whether the input meets every eligibility criterion of its product ({@code products.json}).
     *
     * @return true when eligible
     */
    public boolean isEligible() {
        return ineligible.isEmpty();
    }

    /**
     * The eligibility criteria the input fails, in English, joined with "; " (empty when eligible).
     *
     * @return the failed criteria
     */
    public String ineligibleEn() {
        return Eligibility.describe(ineligible, false);
    }

    /**
     * The same in Chinese.
     *
     * @return the failed criteria
     */
    public String ineligibleZh() {
        return Eligibility.describe(ineligible, true);
    }

    /**
     * The input's PD, on the fact itself: {@code Case( pd > 0.62 )} is a constraint on a property of the
     * fact, which Drools indexes in a sorted range index once more than
     * {@code drools.alphaNodeRangeIndexThreshold} (9) rules constrain it against literals, so a decision
     * looks up the rules whose bounds its PD crosses instead of testing each; {@code input.pd > 0.62},
     * through the nested input, is tested rule by rule. Same value as {@code input.pd}.
     *
     * @return the 12-month PD
     */
    public double getPd() {
        return input.pd();
    }

    /**
     * The input's score, on the fact itself (indexable as {@link #getPd()} is).
     *
     * @return the score
     */
    public double getScore() {
        return input.score();
    }

    /**
     * The requested term, on the fact itself (indexable as {@link #getPd()} is).
     *
     * @return the requested term in months
     */
    public int getRequestedTermMonths() {
        return input.requestedTermMonths();
    }

    /**
     * The requested amount, on the fact itself (indexable as {@link #getPd()} is).
     *
     * @return the requested amount in CNY
     */
    public BigDecimal getRequestedAmount() {
        return input.requestedAmount();
    }

    /**
     * The GB/T 4754 division of the input, on the fact itself: {@code Case( industryDivision == "C39" )}
     * is hashed by Drools like any equality on a property of the fact.
     *
     * @return the division, e.g. {@code C39}
     */
    public String getIndustryDivision() {
        return input.industryDivision();
    }

    /**
     * The application as the rules see it.
     *
     * @return the input
     */
    public RuleInput getInput() {
        return input;
    }

    /**
     * The same, record style.
     *
     * @return the input
     */
    public RuleInput input() {
        return input;
    }

    /**
     * The rule set's parameters.
     *
     * @return the parameters
     */
    public PolicyParameters getParams() {
        return params;
    }

    /**
     * The same, record style.
     *
     * @return the parameters
     */
    public PolicyParameters params() {
        return params;
    }

    /**
     * The policy of the input's product.
     *
     * @return the product policy
     */
    public ProductPolicy getProduct() {
        return product;
    }

    /**
     * The same, record style.
     *
     * @return the product policy
     */
    public ProductPolicy product() {
        return product;
    }

    /**
     * The limit multiples of the input's industry (division, else section, else default).
     *
     * @return the multiples
     */
    public IndustryMultiple industryMultiple() {
        return params.multipleFor(input.industrySection(), input.industryDivision());
    }

    /**
     * A parameter's decimal as {@link BigDecimal#toPlainString()} writes it, e.g. an industry multiple in a
     * reason text: {@code "Limit: annual revenue x " + $c.plain(multiple)}. The text of each value is written
     * once and kept (for the first {@value #PLAIN_KEPT} values seen, which the rule sets' own parameters are),
     * where {@code toPlainString} builds a {@code StringBuilder} and two strings on every decision.
     *
     * @param value the decimal
     * @return its plain text
     */
    public String plain(BigDecimal value) {
        return plainText(value);
    }

    /** {@link #plain} for the plain-Java policy, which has no case. */
    static String plainText(BigDecimal value) {
        String text = PLAIN.get(value);
        if (text == null) {
            text = value.toPlainString();
            if (PLAIN.size() < PLAIN_KEPT) {
                PLAIN.putIfAbsent(value, text);
            }
        }
        return text;
    }

    /**
     * The parts joined into one reason text, e.g.
     * {@code $c.text("Limit: annual revenue x ", $c.plain(multiple), " (industry multiple)")}: the same text as
     * {@code "Limit: annual revenue x " + $c.plain(multiple) + " (industry multiple)"}, but each distinct text is
     * written once and then shared between decisions (for the first texts seen, see {@link ReasonTexts}), where
     * a concatenation writes it again on every decision. Worth it for texts whose parts come from small sets
     * (parameters, grades, product ids, data-quality flag sets); a part from a large set (a PD) gains nothing.
     *
     * @param a first part
     * @param b second part
     * @return the text, {@code a + b}
     */
    public String text(String a, String b) {
        return ReasonTexts.SHARED.join(2, a, b, null, null, null);
    }

    /**
     * Three parts joined (see {@link #text(String, String)}).
     *
     * @param a first part
     * @param b second part
     * @param c third part
     * @return the text, {@code a + b + c}
     */
    public String text(String a, String b, String c) {
        return ReasonTexts.SHARED.join(3, a, b, c, null, null);
    }

    /**
     * Four parts joined (see {@link #text(String, String)}).
     *
     * @param a first part
     * @param b second part
     * @param c third part
     * @param d fourth part
     * @return the text, {@code a + b + c + d}
     */
    public String text(String a, String b, String c, String d) {
        return ReasonTexts.SHARED.join(4, a, b, c, d, null);
    }

    /**
     * Five parts joined (see {@link #text(String, String)}).
     *
     * @param a first part
     * @param b second part
     * @param c third part
     * @param d fourth part
     * @param e fifth part
     * @return the text, {@code a + b + c + d + e}
     */
    public String text(String a, String b, String c, String d, String e) {
        return ReasonTexts.SHARED.join(5, a, b, c, d, e);
    }

    /** How many decimals' texts {@link #plain} keeps. */
    static final int PLAIN_KEPT = 256;
    /** Keyed by value and scale ({@link BigDecimal#equals}), as the text is. */
    private static final java.util.concurrent.ConcurrentHashMap<BigDecimal, String> PLAIN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether a data-quality flag of the input is one of the parameters' review flags.
     *
     * @return true when the flags send the application to review
     */
    public boolean isReviewFlagged() {
        return params.reviewsAny(input.dataQualityFlags());
    }

    /**
     * Whether a data-quality flag of the input is a warning only.
     *
     * @return true when some flag only warns
     */
    public boolean isWarningFlagged() {
        return params.warnsAny(input.dataQualityFlags());
    }

    /**
     * Whether the input has a supply-chain core enterprise rating the parameters accept.
     *
     * @return true when rated and accepted
     */
    public boolean isCoreRatingAccepted() {
        return input.hasCoreEnterpriseRating() && params.acceptsCoreRating(input.coreEnterpriseRating());
    }

    /**
     * Whether the product's price grid (its own in {@code products.json}, else the policy's) has the
     * input's grade.
     *
     * @return true when priced
     */
    public boolean isGradePriced() {
        return params.pricesGrade(input.product(), input.grade());
    }

    /**
     * The input's price under its product's grid: reference rate plus the grade's spread, or plus the
     * grid's worst spread when the grid lacks the grade ({@link PolicyParameters#priceFor(Product, String)}).
     *
     * @return the annual interest rate
     */
    public double gradePrice() {
        return params.priceFor(input.product(), input.grade());
    }

    /**
     * Whether a government risk-compensation fund covers the input's product.
     *
     * @return true when covered
     */
    public boolean isRiskFundCovered() {
        return params.riskFundCovers(input.product());
    }

    /** The rule whose consequence runs, named by the engine's agenda filter before it runs; null outside a firing. */
    private String firing;

    /** Names the rule about to fire (called by the engine's agenda filter, {@link FiringGuard}). */
    void firing(String rule) {
        firing = rule;
    }

    private String firingRule() {
        if (firing == null) {
            throw new org.creditkit.core.CreditDecisionException("application " + input.applicationId(),
                    "a verdict without a rule name was recorded outside a rule firing of the engine; pass the name"
                            + " (drools.getRule().getName()) when firing the session without the engine");
        }
        return firing;
    }

    /**
     * Records a tier verdict under the firing rule's name; when several rules set tiers the most severe applies.
     *
     * @param value the tier
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void tier(Tier value, String en, String zh) {
        verdicts.tier(firingRule(), value, en, zh);
    }

    /**
     * Records a mitigation measure under the firing rule's name.
     *
     * @param value the measure
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void measure(MitigationMeasure value, String en, String zh) {
        verdicts.measure(firingRule(), value, en, zh);
    }

    /**
     * Records a credit limit under the firing rule's name; when several rules offer limits the largest applies.
     *
     * @param amount the limit in CNY
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the amount is negative
     */
    public void limit(BigDecimal amount, String en, String zh) {
        verdicts.limit(firingRule(), amount, en, zh);
    }

    /**
     * Records the price under the firing rule's name; the last price recorded applies.
     *
     * @param annualRate the annual rate
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the rate is not in [0, 1)
     */
    public void price(double annualRate, String en, String zh) {
        verdicts.price(firingRule(), annualRate, en, zh);
    }

    /**
     * Records a rate discount under the firing rule's name (see {@link #rateDiscount(String, double, String, String)}).
     *
     * @param discount the discount on the annual rate, in [0, 0.05]
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the discount is out of range
     */
    public void rateDiscount(double discount, String en, String zh) {
        verdicts.rateDiscount(firingRule(), discount, en, zh);
    }

    /**
     * Records a limit uplift under the firing rule's name (see {@link #limitUplift(String, BigDecimal, String, String)}).
     *
     * @param uplift the uplift, in [0, 1]
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the uplift is out of range
     */
    public void limitUplift(BigDecimal uplift, String en, String zh) {
        verdicts.limitUplift(firingRule(), uplift, en, zh);
    }

    /**
     * Records a note in the decision trail under the firing rule's name.
     *
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void note(String en, String zh) {
        verdicts.note(firingRule(), en, zh);
    }

    /**
     * Records a tier verdict; when several rules set tiers the most severe applies.
     *
     * @param rule the rule name
     * @param value the tier
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void tier(String rule, Tier value, String en, String zh) {
        verdicts.tier(rule, value, en, zh);
    }

    /**
     * Records a mitigation measure (a condition when the final tier is {@link Tier#MITIGATION}).
     *
     * @param rule the rule name
     * @param value the measure
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void measure(String rule, MitigationMeasure value, String en, String zh) {
        verdicts.measure(rule, value, en, zh);
    }

    /**
     * Records a credit limit; when several rules offer limits the largest applies.
     *
     * @param rule the rule name
     * @param amount the limit in CNY
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the amount is negative
     */
    public void limit(String rule, BigDecimal amount, String en, String zh) {
        verdicts.limit(rule, amount, en, zh);
    }

    /**
     * Records the price; the last price recorded applies.
     *
     * @param rule the rule name
     * @param annualRate the annual rate
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the rate is not in [0, 1)
     */
    public void price(String rule, double annualRate, String en, String zh) {
        verdicts.price(rule, annualRate, en, zh);
    }

    /**
     * Records a rate discount (e.g. the whitelist's 利率优惠), taken off the price when the decision is
     * assembled; several discounts add up, and the rate never goes below zero.
     *
     * @param rule the rule name
     * @param discount the discount on the annual rate, in [0, 0.05]
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the discount is out of range
     */
    public void rateDiscount(String rule, double discount, String en, String zh) {
        verdicts.rateDiscount(rule, discount, en, zh);
    }

    /**
     * Records a limit uplift (e.g. the whitelist's 额度提升): the limit is multiplied by (1 + uplift)
     * when the decision is assembled, still capped by the requested amount and the product's maximum.
     *
     * @param rule the rule name
     * @param uplift the uplift, in [0, 1]
     * @param en reason in English
     * @param zh reason in Chinese
     * @throws org.creditkit.core.CreditDecisionException if the uplift is out of range
     */
    public void limitUplift(String rule, BigDecimal uplift, String en, String zh) {
        verdicts.limitUplift(rule, uplift, en, zh);
    }

    /**
     * Records a note in the decision trail.
     *
     * @param rule the rule name
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void note(String rule, String en, String zh) {
        verdicts.note(rule, en, zh);
    }

    /**
     * The verdicts collected so far.
     *
     * @return the collector
     */
    Verdicts verdicts() {
        return verdicts;
    }

    @Override
    public String toString() {
        return "Case[" + input.applicationId() + "]";
    }
}
