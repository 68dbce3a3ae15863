package org.creditkit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.creditkit.core.CreditDecisionException;

/**
 * The verdict collector: one fresh instance per decision, carried by the decision's {@link Case}
 * fact (never a global). Rule consequences call {@code $c.tier}, {@code $c.measure},
 * {@code $c.limit}, {@code $c.price} and {@code $c.note}, which record here; the engine then
 * assembles the {@link Decision} from what was collected. The plain-Java policy uses the same
 * collector and assembly. Not thread-safe: it lives inside one decision.
 */
final class Verdicts {

    private static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(2);
    /** The trail's verdict of each tier and measure, written once instead of per decision. */
    private static final String[] TIER_VERDICTS = verdicts("tier=", Tier.values());
    private static final String[] MEASURE_VERDICTS = verdicts("measure=", MitigationMeasure.values());

    private static String[] verdicts(String prefix, Enum<?>[] values) {
        String[] out = new String[values.length];
        for (Enum<?> v : values) {
            out[v.ordinal()] = prefix + v.name();
        }
        return out;
    }

    /**
     * The inputs of the verdicts the assembly itself adds (the loss model's plan and its decline), in
     * a fixed order ({@code Set.of} iterates in an order salted per JVM start, and lineage is written
     * in member order).
     */
    private static final Set<String> LOSS_MODEL_INPUTS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("pd", "requestedAmount", "requestedTermMonths", "product", "guaranteeOffered")));

    /**
     * The rule inputs of a rule set for {@link #toDecision}: each rule's members as the checker found
     * them, rules that read none left out, plus the verdicts the assembly adds. Made once per rule set.
     *
     * @param ruleInputs per rule name, the members it reads
     * @return the map to pass to every decision
     */
    static Map<String, Set<String>> withEngineRules(Map<String, Set<String>> ruleInputs) {
        Map<String, Set<String>> out = new HashMap<>();
        ruleInputs.forEach((rule, members) -> {
            if (!members.isEmpty()) {
                out.put(rule, members);
            }
        });
        for (String rule : ENGINE_RULES) {
            out.putIfAbsent(rule, LOSS_MODEL_INPUTS);
        }
        return Map.copyOf(out);
    }

    /** The verdicts the assembly itself records in a decision's fired rules, beside the rule files' rules. */
    static final List<String> ENGINE_RULES = List.of("mitigation-plan", "decline-expected-loss-above-appetite");

    /** The verdicts in firing order: an array the decision's trail keeps (no growable list, no copies). */
    private RuleVerdict[] trail = new RuleVerdict[8];
    private int nTrail;
    private Tier tier;
    /** Made on the first measure: most decisions offer none. */
    private Set<MitigationMeasure> measures;
    private BigDecimal limit;
    private double rate = Double.NaN;
    private double discount;
    private BigDecimal uplift = BigDecimal.ZERO;

    Verdicts() {
    }

    private void addTrail(RuleVerdict v) {
        if (nTrail == trail.length) {
            trail = Arrays.copyOf(trail, nTrail * 2);
        }
        trail[nTrail++] = v;
    }

    /**
     * Records a tier verdict; the most severe tier recorded wins.
     *
     * @param rule the rule name
     * @param value the tier
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void tier(String rule, Tier value, String en, String zh) {
        tier = tier == null ? value : tier.mostSevere(value);
        addTrail(shared(rule, TIER_VERDICTS[value.ordinal()], reason(rule, en, zh)));
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
        if (measures == null) {
            measures = EnumSet.noneOf(MitigationMeasure.class);
        }
        measures.add(value);
        addTrail(shared(rule, MEASURE_VERDICTS[value.ordinal()], reason(rule, en, zh)));
    }

    /**
     * Records a credit limit; when several rules offer limits the largest applies.
     *
     * @param rule the rule name
     * @param amount the limit in CNY (&gt;= 0)
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void limit(String rule, BigDecimal amount, String en, String zh) {
        if (amount.signum() < 0) {
            throw new CreditDecisionException("rule " + rule, "offered a negative limit " + amount.toPlainString());
        }
        BigDecimal a = amount.setScale(2, RoundingMode.DOWN);
        limit = limit == null ? a : limit.max(a);
        addTrail(new RuleVerdict(rule, limitVerdict(a), reason(rule, en, zh))); // the verdict's text is the limit's own
    }

    /**
     * {@code "limit=" + a.toPlainString()} for a limit of scale 2, written from its cents: {@code toPlainString}
     * builds a {@code StringBuilder} and two strings first (about 150 bytes on every decision).
     */
    static String limitVerdict(BigDecimal a) {
        if (a.scale() == 2 && a.signum() >= 0 && a.precision() <= 15) {
            // below 10^15 cents the double quotient is within half a cent of the exact one, so the round is exact
            long cents = Math.round(a.doubleValue() * 100);
            long frac = cents % 100;
            return "limit=" + cents / 100 + (frac < 10 ? ".0" : ".") + frac;
        }
        return "limit=" + a.toPlainString();
    }

    /**
     * Records the price; the last price recorded applies.
     *
     * @param rule the rule name
     * @param annualRate the annual interest rate
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void price(String rule, double annualRate, String en, String zh) {
        if (!(annualRate >= 0 && annualRate < 1)) {
            throw new CreditDecisionException("rule " + rule, "set the rate " + annualRate + ", must be in [0, 1)");
        }
        rate = annualRate;
        addTrail(shared(rule, priceVerdict(annualRate), reason(rule, en, zh)));
    }

    /** How many reasons and verdicts {@link #reason} and {@link #shared} keep (a power of two). */
    static final int SHARED_SLOTS = 1024;
    /** The last reasons made, by a hash of their texts; racy, but a reason is immutable (final fields). */
    private static final Reason[] REASONS = new Reason[SHARED_SLOTS];
    /** The last verdicts made of a kept reason and a verdict text from a small set; racy, immutable entries. */
    private static final RuleVerdict[] VERDICTS = new RuleVerdict[SHARED_SLOTS];

    /**
     * {@code new Reason(rule, en, zh)}, or an equal one made before: a rule's reason texts come from small sets
     * (literals, and the texts {@link Case#text} keeps), so a reason is kept in a direct-mapped table by a hash of
     * its texts and given to every verdict with the same three texts while it stays there (a reason per verdict
     * was about 160 bytes a decision). Equal to a new one in every component; only its identity is shared, as the
     * decision's strings already are. A text from a large set (a PD, a count of months) misses and makes a new one.
     */
    static Reason reason(String rule, String en, String zh) {
        Objects.requireNonNull(rule, "code");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        int slot = ((rule.hashCode() * 31 + en.hashCode()) * 31 + zh.hashCode()) * 0x9E3779B9 >>> 22;
        Reason kept = REASONS[slot];
        if (kept != null && kept.code().equals(rule) && kept.en().equals(en) && kept.zh().equals(zh)) {
            return kept;
        }
        Reason made = new Reason(rule, en, zh);
        REASONS[slot] = made;
        return made;
    }

    /**
     * {@code new RuleVerdict(rule, verdict, reason)}, or an equal one made before, for a verdict text from a small
     * set (a tier, a measure, a kept price text, "note") and a reason from {@link #reason}: kept as
     * {@link #reason} keeps reasons (a verdict per firing was about 100 bytes a decision).
     */
    private static RuleVerdict shared(String rule, String verdict, Reason reason) {
        int slot = (System.identityHashCode(reason) * 31 + verdict.hashCode()) * 0x9E3779B9 >>> 22;
        RuleVerdict kept = VERDICTS[slot];
        if (kept != null && kept.reason() == reason && kept.verdict().equals(verdict) && kept.rule().equals(rule)) {
            return kept;
        }
        RuleVerdict made = new RuleVerdict(rule, verdict, reason);
        VERDICTS[slot] = made;
        return made;
    }

    /** A price verdict's text, kept per rate: {@link #priceVerdict}. */
    private record PriceVerdict(double rate, String text) {
    }

    /** The last price verdicts written, by a hash of the rate; racy, but an entry is immutable (final fields). */
    private static final PriceVerdict[] PRICE_VERDICTS = new PriceVerdict[64];

    /**
     * {@code "price=" + rate}: a decision's rate comes from a price grid of a few values, and writing a double
     * builds its digits, an array and two strings on every decision (about 100 bytes), so each rate's text is
     * kept in a small direct-mapped table and reused while it stays there.
     */
    static String priceVerdict(double rate) {
        long bits = Double.doubleToLongBits(rate);
        int slot = (int) ((bits ^ bits >>> 32) * 0x9E3779B97F4A7C15L >>> 58);
        PriceVerdict kept = PRICE_VERDICTS[slot];
        if (kept != null && Double.doubleToLongBits(kept.rate()) == bits) {
            return kept.text();
        }
        String text = "price=" + rate;
        PRICE_VERDICTS[slot] = new PriceVerdict(rate, text);
        return text;
    }

    /**
     * Records a rate discount; discounts add up.
     *
     * @param rule the rule name
     * @param value the discount on the annual rate, in [0, 0.05]
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void rateDiscount(String rule, double value, String en, String zh) {
        if (!(value >= 0 && value <= 0.05)) {
            throw new CreditDecisionException("rule " + rule, "set the rate discount " + value + ", must be in [0, 0.05]");
        }
        discount += value;
        addTrail(new RuleVerdict(rule, "rateDiscount=" + value, new Reason(rule, en, zh)));
    }

    /**
     * Records a limit uplift; uplifts add up.
     *
     * @param rule the rule name
     * @param value the uplift, in [0, 1]
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void limitUplift(String rule, BigDecimal value, String en, String zh) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new CreditDecisionException("rule " + rule, "set the limit uplift " + value.toPlainString()
                    + ", must be in [0, 1]");
        }
        uplift = uplift.add(value);
        addTrail(new RuleVerdict(rule, "limitUplift=" + value.toPlainString(), new Reason(rule, en, zh)));
    }

    /**
     * Records a note: a reason for the decision that sets nothing (e.g. a data-quality warning).
     *
     * @param rule the rule name
     * @param en reason in English
     * @param zh reason in Chinese
     */
    public void note(String rule, String en, String zh) {
        addTrail(shared(rule, "note", reason(rule, en, zh)));
    }

    /**
     * Assembles the decision from the collected verdicts (shared by the Drools and plain-Java policies).
     * A {@link Tier#MITIGATION} outcome keeps only the smallest set of the offered measures that brings
     * the expected loss within the product's appetite ({@link LossModel}); recorded in the trail as
     * {@code mitigation-plan}. When no set of measures is enough the decision becomes a
     * {@link Tier#DECLINE}, recorded as {@code decline-expected-loss-above-appetite}.
     */
    Decision toDecision(RuleInput in, PolicyParameters p, String rulesetVersion, String modelId, long scoringNanos,
            long startNanos) {
        return toDecision(in, p, rulesetVersion, modelId, scoringNanos, startNanos, Map.of(), InputLineage.NONE);
    }

    /**
     * Assembles the decision, giving each rule reason the lineage of the inputs its rule reads.
     *
     * @param plans per rule name, what its reasons' lineage is made of (from {@link #withEngineRules} of
     *     the rule set's inputs, made once per rule set)
     * @param lineage the sources of those members in this application; {@link InputLineage#NONE} for none
     */
    Decision toDecision(RuleInput in, PolicyParameters p, String rulesetVersion, String modelId, long scoringNanos,
            long startNanos, Map<String, InputLineage.Plan> plans, InputLineage lineage) {
        Tier finalTier = tier;
        if (finalTier == null) {
            finalTier = Tier.MANUAL_REVIEW;
            addTrail(new RuleVerdict("no-tier-rule", "tier=MANUAL_REVIEW", new Reason("no-tier-rule",
                    "No rule set a tier; referred to a person", "没有规则给出风险层级，转人工审核")));
        }
        ProductPolicy pp = p.product(in.product());
        LossModel lm = p.lossModel();
        BigDecimal amount = ZERO_MONEY;
        int term = 0;
        double price = 0.0;
        List<MitigationMeasure> conditions = List.of();
        ExpectedLoss loss = null;
        if (finalTier != Tier.DECLINE) {
            BigDecimal a = in.requestedAmount();
            if (limit != null) {
                a = a.min(uplift.signum() == 0 ? limit : limit.multiply(BigDecimal.ONE.add(uplift)));
            }
            a = a.min(pp.maxAmount()).setScale(2, RoundingMode.DOWN);
            term = Math.min(in.requestedTermMonths(), pp.maxTermMonths());
            if (finalTier == Tier.MITIGATION) {
                Set<MitigationMeasure> measures = this.measures == null ? EnumSet.noneOf(MitigationMeasure.class)
                        : this.measures;
                LossModel.Plan plan = lm.plan(in.pd(), a, term, measures, p, pp);
                ExpectedLoss unmitigated = lm.expectedLoss(in.pd(), a, term, Set.of());
                if (plan == null) {
                    finalTier = Tier.DECLINE;
                    String rule = "decline-expected-loss-above-appetite";
                    addTrail(new RuleVerdict(rule, "tier=DECLINE", new Reason(rule,
                            "Expected loss " + unmitigated.expectedLoss().toPlainString() + " CNY ("
                                    + LossModel.percent(unmitigated.expectedLossRate()) + " of the exposure) stays above"
                                    + " the appetite of " + in.product() + " (" + LossModel.percent(pp.maxExpectedLossRate())
                                    + ", at most " + pp.maxExpectedLoss().toPlainString() + " CNY) with every available"
                                    + " measure " + measures,
                            "预期损失" + unmitigated.expectedLoss().toPlainString() + "元（敞口的"
                                    + LossModel.percent(unmitigated.expectedLossRate()) + "）在采取全部可用缓释措施" + measures
                                    + "后仍超出" + in.product() + "产品的风险偏好（" + LossModel.percent(pp.maxExpectedLossRate())
                                    + "，且不超过" + pp.maxExpectedLoss().toPlainString() + "元）")));
                } else {
                    a = plan.amount();
                    term = plan.termMonths();
                    conditions = plan.measures();
                    loss = plan.loss();
                    String rule = "mitigation-plan";
                    addTrail(new RuleVerdict(rule, "measures=" + conditions, new Reason(rule,
                            "Measures " + conditions + " bring the expected loss from "
                                    + unmitigated.expectedLoss().toPlainString() + " CNY ("
                                    + LossModel.percent(unmitigated.expectedLossRate()) + ") to "
                                    + loss.expectedLoss().toPlainString() + " CNY (" + LossModel.percent(loss.expectedLossRate())
                                    + "), within the appetite of " + in.product() + " ("
                                    + LossModel.percent(pp.maxExpectedLossRate()) + ")",
                            "缓释措施" + conditions + "使预期损失由" + unmitigated.expectedLoss().toPlainString() + "元（"
                                    + LossModel.percent(unmitigated.expectedLossRate()) + "）降至"
                                    + loss.expectedLoss().toPlainString() + "元（" + LossModel.percent(loss.expectedLossRate())
                                    + "），在" + in.product() + "产品的风险偏好（" + LossModel.percent(pp.maxExpectedLossRate())
                                    + "）以内")));
                }
            }
            if (finalTier != Tier.DECLINE) {
                amount = a;
                price = Double.isNaN(rate) ? p.priceFor(in.product(), in.grade()) : rate;
                if (discount > 0) {
                    price = Math.max(0.0, Math.round((price - discount) * 1e6) / 1e6);
                }
                if (loss == null) {
                    loss = lm.expectedLoss(in.pd(), amount, term, Set.of());
                }
            } else {
                term = 0;
            }
        }
        if (loss == null) {
            loss = lm.expectedLoss(in.pd(), in.requestedAmount(), in.requestedTermMonths(), Set.of());
        }
        // first reason per code and each rule once, in order; a decision has a handful, so a scan beats hashing.
        // A mapped input's score reasons are made on first read of the decision's reasons (their codes are all
        // the order needs), and the kept rule reasons are given their lineage then too (LazyReasons)
        List<Reason> scoreReasons = in.scoreReasons();
        ScoreReasons lazyScore = scoreReasons instanceof ScoreReasons s && distinctCodes(s) ? s : null;
        Reason[] reasons = new Reason[scoreReasons.size() + nTrail];
        int fromScore = lazyScore == null ? 0 : lazyScore.size();
        int nReasons = fromScore;
        if (lazyScore == null) {
            for (int i = 0; i < scoreReasons.size(); i++) { // indexed: an iterator per loop is not always scalar-replaced
                Reason r = scoreReasons.get(i);
                if (indexOfCode(reasons, nReasons, null, 0, r.code()) < 0) {
                    reasons[nReasons++] = r;
                }
            }
        }
        int firstRule = nReasons;
        // the fired rules are the trail's rules unless a rule fired twice: then an array of the names, each once
        String[] fired = null;
        int nFired = 0;
        Map<String, InputLineage.Plan> lineagePlans = lineage == InputLineage.NONE ? null : plans;
        boolean planned = false;
        for (int i = 0; i < nTrail; i++) {
            RuleVerdict v = trail[i];
            Reason r = v.reason();
            if (explains(v.verdict(), finalTier) && indexOfCode(reasons, nReasons, lazyScore, fromScore, r.code()) < 0) {
                // a rule reason's code is its rule's name: the plan is looked up by it again on first read
                planned |= lineagePlans != null && lineagePlans.get(v.rule()) != null;
                reasons[nReasons++] = r;
            }
            if (fired == null) {
                if (firedBefore(trail, i, v.rule())) {
                    fired = new String[nTrail];
                    for (int j = 0; j < i; j++) {
                        fired[j] = trail[j].rule();
                    }
                    nFired = i;
                }
            } else if (indexOf(fired, nFired, v.rule()) < 0) {
                fired[nFired++] = v.rule();
            }
        }
        long rulesNanos = System.nanoTime() - startNanos;
        // immutable lists the decision keeps as they are
        return new Decision(in.applicationId(), finalTier, amount, term, price, conditions, loss,
                lazyScore == null && !planned ? new FrozenList<>(reasons, nReasons)
                        : new LazyReasons(reasons, nReasons, lazyScore, fromScore, planned ? lineagePlans : null,
                                firstRule, lineage),
                fired == null ? new FrozenList.RuleNames(trail, nTrail) : new FrozenList<>(fired, nFired),
                new FrozenList<>(trail, nTrail), rulesetVersion, modelId,
                DecisionTimings.of(scoringNanos, rulesNanos, scoringNanos + rulesNanos));
    }

    /** Whether no two score reasons share a code (as a score's do); otherwise they are read at once, and deduplicated. */
    private static boolean distinctCodes(ScoreReasons s) {
        for (int i = 1; i < s.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (s.code(i).equals(s.code(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a verdict's reason belongs among the reasons of a decision of the final tier. Every verdict stays
     * in the trail; the reasons leave out what the outcome contradicts: "low risk, approved automatically" on a
     * decision that is not an instant approval, and the offer's limit, price, discounts and measures on a
     * decline (there is no offer). Adverse verdicts of a milder tier (a referral for data-quality doubts under a
     * decline) stay: they are reasons too.
     */
    static boolean explains(String verdict, Tier finalTier) {
        if (finalTier == Tier.INSTANT_APPROVAL) {
            return true;
        }
        if (verdict.startsWith("tier=")) {
            return !verdict.equals(TIER_VERDICTS[Tier.INSTANT_APPROVAL.ordinal()]);
        }
        return finalTier != Tier.DECLINE || verdict.equals("note");
    }

    /** The index of the reason with {@code code} among the first {@code n}, whose first {@code fromScore} are {@code score}'s. */
    private static int indexOfCode(Reason[] reasons, int n, ScoreReasons score, int fromScore, String code) {
        for (int i = 0; i < n; i++) {
            if ((i < fromScore ? score.code(i) : reasons[i].code()).equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether one of the first {@code n} verdicts is of {@code rule}. */
    private static boolean firedBefore(RuleVerdict[] trail, int n, String rule) {
        for (int i = 0; i < n; i++) {
            if (trail[i].rule().equals(rule)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(String[] names, int n, String name) {
        for (int i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
