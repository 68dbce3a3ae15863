package org.creditkit.rules;

import java.math.BigDecimal;
import java.util.List;
import org.creditkit.core.domain.GuaranteeType;
import org.creditkit.core.codes.SizeClass;

/**
 * The default policy written in plain Java over the same {@link RuleInput} and
 * {@link PolicyParameters}: a cross-check of the Drools rules (identical tiers, amounts, terms,
 * prices, conditions and fired rule names on any input) and the baseline of the rules benchmark.
 * It uses the same verdict collector and decision assembly as the Drools path, so the two can only
 * differ in which rules fire. Thread-safe and allocation-light.
 *
 * <p>It mirrors the shipped default .drl files; a risk team that edits the rules will see the
 * cross-check test fail until this class follows, which is the point of a cross-check.
 */
public final class PlainJavaPolicy implements RuleDecider {

    private final PolicyParameters p;
    private final String version;

    private PlainJavaPolicy(PolicyParameters parameters, String version) {
        this.p = parameters;
        this.version = version;
    }

    /**
     * The plain-Java policy with given parameters.
     *
     * @param parameters the policy parameters
     * @param version the version recorded in its decisions
     * @return the policy
     */
    public static PlainJavaPolicy of(PolicyParameters parameters, String version) {
        return new PlainJavaPolicy(parameters, version);
    }

    /**
     * The plain-Java policy with the default parameters; its decisions carry the default rule set's
     * version prefixed with {@code plain-java:}.
     *
     * @return the policy
     */
    public static PlainJavaPolicy defaultPolicy() {
        RuleSetSource src = RuleSetSource.defaultPolicy();
        return of(PolicyParameters.fromFiles(src.files()), "plain-java:" + src.version());
    }

    @Override
    public Decision decide(RuleInput in, String modelId) {
        long t0 = System.nanoTime();
        Verdicts v = new Verdicts();
        // the texts the default policy's rules join with $c.text, joined the same way
        ReasonTexts texts = ReasonTexts.SHARED;
        ProductPolicy pp = p.product(in.product());
        boolean lowPd = in.pd() <= pp.instantMaxPd();
        boolean mediumPd = in.pd() > pp.instantMaxPd() && in.pd() <= pp.reviewMaxPd();
        boolean highPd = in.pd() > pp.reviewMaxPd();
        boolean withinCap = in.requestedAmount().compareTo(pp.autoApprovalCap()) <= 0;

        // hard-stops.drl
        List<Criterion> ineligible = pp.eligibility().failures(in);
        if (!ineligible.isEmpty()) {
            v.tier("decline-not-eligible-for-product", Tier.DECLINE,
                    "Not eligible for " + pp.nameEn() + " (" + pp.id() + "): " + Eligibility.describe(ineligible, false),
                    "不符合" + pp.nameZh() + "（" + pp.id() + "）准入条件：" + Eligibility.describe(ineligible, true));
        }
        if (!in.consent()) {
            v.tier("decline-missing-consent", Tier.DECLINE, "The data-use authorisation of the enterprise is missing",
                    "缺少企业数据使用授权");
        }
        if (in.debtorStatus() == DebtorStatus.UNREPAIRED) {
            v.tier("decline-red-card-unrepaired-dishonest-debtor", Tier.DECLINE,
                    "Red card: listed as a dishonest debtor and not repaired", "红牌：列入失信被执行人名单且未完成信用修复");
        }
        if (in.seriousPenaltyCount() > 0 && in.monthsSinceLastSeriousPenalty() <= p.seriousPenaltyLookbackMonths()) {
            v.tier("decline-recent-serious-penalty", Tier.DECLINE,
                    "Serious administrative penalty within the last " + p.seriousPenaltyLookbackMonths() + " months",
                    "近" + p.seriousPenaltyLookbackMonths() + "个月内受到严重行政处罚");
        }
        if (in.debtorStatus() == DebtorStatus.REPAIRED && in.monthsSinceRepair() < p.repairPeriods().dishonestDebtor()) {
            v.tier("review-yellow-card-recently-repaired", Tier.MANUAL_REVIEW,
                    "Yellow card: dishonest-debtor listing repaired " + in.monthsSinceRepair() + " month(s) ago",
                    "黄牌：失信记录于" + in.monthsSinceRepair() + "个月前完成信用修复");
        }
        if (in.majorTaxViolation().status() == DebtorStatus.UNREPAIRED) {
            v.tier("decline-red-card-major-tax-violation", Tier.DECLINE,
                    "Red card: on the major tax violation list and not repaired",
                    "红牌：列入重大税收违法失信主体名单且未完成信用修复");
        }
        if (in.seriousViolation().status() == DebtorStatus.UNREPAIRED) {
            v.tier("decline-red-card-serious-violation", Tier.DECLINE,
                    "Red card: on the market-supervision serious-violation list and not repaired",
                    "红牌：列入市场监管严重违法失信名单且未完成信用修复");
        }
        if (in.abnormalOperation().status() == DebtorStatus.UNREPAIRED) {
            v.tier("review-yellow-card-abnormal-operation", Tier.MANUAL_REVIEW,
                    "Yellow card: on the abnormal-operation list and not removed; referred to a credit officer",
                    "黄牌：列入经营异常名录且未移出：转人工审核");
        }
        if (in.majorTaxViolation().status() == DebtorStatus.REPAIRED
                && in.majorTaxViolation().monthsSinceRepair() < p.repairPeriods().majorTaxViolation()) {
            v.tier("review-yellow-card-tax-violation-repaired", Tier.MANUAL_REVIEW,
                    "Yellow card: major tax violation listing repaired " + in.majorTaxViolation().monthsSinceRepair()
                            + " month(s) ago",
                    "黄牌：重大税收违法失信记录于" + in.majorTaxViolation().monthsSinceRepair() + "个月前完成信用修复");
        }
        if (in.seriousViolation().status() == DebtorStatus.REPAIRED
                && in.seriousViolation().monthsSinceRepair() < p.repairPeriods().seriousViolation()) {
            v.tier("review-yellow-card-serious-violation-repaired", Tier.MANUAL_REVIEW,
                    "Yellow card: serious-violation listing repaired " + in.seriousViolation().monthsSinceRepair()
                            + " month(s) ago",
                    "黄牌：严重违法失信记录于" + in.seriousViolation().monthsSinceRepair() + "个月前完成信用修复");
        }
        if (in.abnormalOperation().status() == DebtorStatus.REPAIRED
                && in.abnormalOperation().monthsSinceRepair() < p.repairPeriods().abnormalOperation()) {
            v.tier("review-yellow-card-abnormal-operation-removed", Tier.MANUAL_REVIEW,
                    "Yellow card: removed from the abnormal-operation list " + in.abnormalOperation().monthsSinceRepair()
                            + " month(s) ago",
                    "黄牌：" + in.abnormalOperation().monthsSinceRepair() + "个月前移出经营异常名录");
        }
        double overdue = in.indicators().value("current_days_overdue");
        if (overdue > p.currentOverdueDeclineDays()) {
            v.tier("decline-currently-overdue", Tier.DECLINE,
                    "Overdue at a bank now for more than " + p.currentOverdueDeclineDays() + " days",
                    "当前在银行逾期超过" + p.currentOverdueDeclineDays() + "天");
        }
        if (overdue > 0 && overdue <= p.currentOverdueDeclineDays()) {
            v.tier("review-currently-overdue", Tier.MANUAL_REVIEW,
                    "Overdue at a bank now (up to " + p.currentOverdueDeclineDays() + " days): referred to a credit officer",
                    "当前在银行逾期（不超过" + p.currentOverdueDeclineDays() + "天）：转人工审核");
        }
        if (in.indicators().value("enforcement_cases") >= p.enforcementReviewCases()) {
            v.tier("review-enforcement-cases", Tier.MANUAL_REVIEW,
                    "Enforcement cases against the enterprise on record: referred to a credit officer",
                    "存在被执行案件记录：转人工审核");
        }
        // risk-tiers.drl
        if (lowPd && withinCap) {
            v.tier("instant-low-risk", Tier.INSTANT_APPROVAL,
                    "Low risk and the amount is within the automatic approval cap", "低风险且申请金额在自动审批上限以内");
        }
        if (mediumPd && !in.taxRatingA3Years()) {
            v.tier("review-medium-risk", Tier.MANUAL_REVIEW, "Medium risk: referred to a credit officer", "中等风险：转人工审核");
        }
        if (mediumPd && in.taxRatingA3Years() && withinCap) {
            v.tier("whitelist-tax-a-three-years", Tier.INSTANT_APPROVAL,
                    "Whitelist: tax credit rating A for three consecutive years lifts medium risk to instant approval",
                    "白名单：连续三年纳税信用A级，中等风险升为秒批");
        }
        if (!withinCap) {
            v.tier("review-above-automatic-cap", Tier.MANUAL_REVIEW,
                    "The requested amount exceeds the automatic approval cap of the product", "申请金额超过该产品自动审批上限");
        }
        if (highPd) {
            v.tier("mitigation-high-risk", Tier.MITIGATION, "High risk: approval needs risk mitigation", "高风险：需采取风险缓释措施");
        }
        if (in.pd() > pp.pdCeiling()) {
            v.tier("decline-pd-above-ceiling", Tier.DECLINE,
                    "PD " + LossModel.percent(in.pd()) + " is above the risk appetite's ceiling of "
                            + LossModel.percent(pp.pdCeiling()) + " for " + in.product(),
                    "违约概率" + LossModel.percent(in.pd()) + "超过" + in.product() + "产品风险偏好上限"
                            + LossModel.percent(pp.pdCeiling()));
        }
        if (p.reviewsAny(in.dataQualityFlags())) {
            v.tier("review-data-quality-flags", Tier.MANUAL_REVIEW,
                    texts.join(3, "Data-quality doubts ", in.dataQualityFlags().toString(),
                            ": referred to a credit officer", null, null),
                    texts.join(3, "数据质量存疑 ", in.dataQualityFlags().toString(), "：转人工审核", null, null));
        }
        if (in.scoreConfidence() < p.minScoreConfidence()) {
            v.tier("review-low-score-confidence", Tier.MANUAL_REVIEW,
                    "Score confidence " + LossModel.percent(in.scoreConfidence()) + " is below "
                            + LossModel.percent(p.minScoreConfidence()) + "; missing sources " + in.missingSources()
                            + ": referred to a credit officer",
                    "评分可信度" + LossModel.percent(in.scoreConfidence()) + "低于" + LossModel.percent(p.minScoreConfidence())
                            + "，缺失数据来源" + in.missingSources() + "：转人工审核");
        }
        if (p.warnsAny(in.dataQualityFlags())) {
            v.note("note-data-quality-warning",
                    texts.join(3, "Data-quality warning ", in.dataQualityFlags().toString(),
                            " (does not change the tier)", null, null),
                    texts.join(3, "数据质量提示 ", in.dataQualityFlags().toString(), "（不影响风险层级）", null, null));
        }
        if (pp.eligibility().requiresCoreEnterpriseRating() && in.hasCoreEnterpriseRating()
                && !p.acceptsCoreRating(in.coreEnterpriseRating())) {
            v.tier("review-supply-chain-core-not-accepted", Tier.MANUAL_REVIEW,
                    "Supply-chain loan: core enterprise rating " + in.coreEnterpriseRating()
                            + " is not among the accepted " + p.acceptedCoreEnterpriseRatings(),
                    "供应链融资：核心企业评级" + in.coreEnterpriseRating() + "未达准入要求" + p.acceptedCoreEnterpriseRatings());
        }
        // mitigation.drl
        if (highPd) {
            boolean smallFirm = in.sizeClass() == SizeClass.MICRO || in.sizeClass() == SizeClass.SMALL;
            if (smallFirm && in.guaranteeOffered() != GuaranteeType.COLLATERAL) {
                v.measure("measure-guarantee-institution", MitigationMeasure.GUARANTEE_INSTITUTION,
                        "Guarantee by a financing-guarantee institution required", "需融资担保机构提供担保");
            }
            if (in.guaranteeOffered() == GuaranteeType.COLLATERAL || !smallFirm) {
                v.measure("measure-collateral", MitigationMeasure.COLLATERAL, "Collateral required", "需提供抵质押物");
            }
            if (in.pd() > p.reducedLimitPd()) {
                v.measure("measure-reduced-limit", MitigationMeasure.REDUCED_LIMIT,
                        "Very high risk: the limit is reduced by the factor " + p.reducedLimitFactor().toPlainString(),
                        "风险很高：额度按系数" + p.reducedLimitFactor().toPlainString() + "压降");
            }
            if (in.requestedTermMonths() > p.mitigationMaxTermMonths()) {
                v.measure("measure-shorter-term", MitigationMeasure.SHORTER_TERM,
                        "The term is shortened to " + p.mitigationMaxTermMonths() + " months",
                        "期限缩短至" + p.mitigationMaxTermMonths() + "个月");
            }
            if (in.sizeClass() == SizeClass.MICRO || p.riskFundCovers(in.product())) {
                v.measure("measure-risk-compensation-fund", MitigationMeasure.RISK_COMPENSATION_FUND,
                        "Cover from the government risk-compensation fund", "纳入政府风险补偿资金池覆盖");
            }
        }
        // limit-and-price.drl
        if (in.hasAnnualRevenue()) {
            BigDecimal multiple = p.multipleFor(in.industrySection(), in.industryDivision()).revenueMultiple();
            v.limit("limit-revenue-base", in.annualRevenue().multiply(multiple),
                    texts.join(3, "Limit: annual revenue x ", Case.plainText(multiple), " (industry multiple)", null,
                            null),
                    texts.join(2, "额度：年营业收入 x 行业系数", Case.plainText(multiple), null, null, null));
        }
        if (in.hasAnnualTaxPaid()) {
            BigDecimal multiple = p.multipleFor(in.industrySection(), in.industryDivision()).taxMultiple();
            v.limit("limit-tax-base", in.annualTaxPaid().multiply(multiple),
                    texts.join(3, "Limit: annual tax paid x ", Case.plainText(multiple), " (industry multiple)", null,
                            null),
                    texts.join(2, "额度：年纳税额 x 行业系数", Case.plainText(multiple), null, null, null));
        }
        if (!in.hasAnnualRevenue() && !in.hasAnnualTaxPaid()) {
            v.tier("review-no-limit-base", Tier.MANUAL_REVIEW,
                    "Neither revenue nor tax paid is known, so no limit can be computed", "营业收入和纳税额均缺失，无法测算额度");
        }
        if (p.pricesGrade(in.product(), in.grade())) {
            v.price("price-grade-grid", p.priceFor(in.product(), in.grade()),
                    texts.join(4, "Price: reference rate plus the spread of grade ", in.grade(), " in the grid of ",
                            pp.id(), null),
                    texts.join(5, "定价：基准利率加", pp.id(), "定价表中", in.grade(), "级利差"));
        } else {
            v.tier("review-grade-not-priced", Tier.MANUAL_REVIEW, "Grade " + in.grade() + " is not in the price grid",
                    "评级" + in.grade() + "不在定价表中");
            v.price("review-grade-not-priced", p.priceFor(in.product(), in.grade()),
                    "Priced at the worst spread of the grid pending review", "按定价表最高利差暂定价格，待人工审核");
        }
        if (in.taxRatingA3Years()) {
            v.rateDiscount("whitelist-rate-and-limit-benefit", p.whitelistRateDiscount(),
                    "Whitelist (tax credit rating A three years running): rate reduced by "
                            + LossModel.percent(p.whitelistRateDiscount()),
                    "白名单（连续三年纳税信用A级）：利率优惠" + LossModel.percent(p.whitelistRateDiscount()));
            v.limitUplift("whitelist-rate-and-limit-benefit", p.whitelistLimitUplift(),
                    "Whitelist: limit raised by " + LossModel.percent(p.whitelistLimitUplift().doubleValue())
                            + " (still within the requested amount and the product maximum)",
                    "白名单：额度提升" + LossModel.percent(p.whitelistLimitUplift().doubleValue()) + "（不超过申请金额和产品上限）");
        }
        return v.toDecision(in, p, version, modelId, 0L, t0);
    }
}
