package org.creditkit.rules.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureDefinition;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.privacy.AccessLevel;
import org.creditkit.rules.Tier;
import org.creditkit.rules.audit.DecisionRecord.RecordedReason;

/**
 * The person-facing explanation of one automated decision (PIPL art. 24: the right to an
 * explanation and to refuse a decision made solely by automated means), in English and Chinese,
 * written from the decision trail alone — nothing is scored again — and within the reader's
 * {@link AccessLevel}: a reason always names its source and that it lowered the score; the value
 * behind it appears only when the reader may read data of that feature's {@link Openness}.
 *
 * @param record the decision record explained
 * @param level the access level it was written for
 * @param english the explanation in English
 * @param chinese the explanation in Chinese
 */
public record DecisionExplanation(DecisionRecord record, AccessLevel level, String english, String chinese) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.ofHours(8));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.ofHours(8));

    /** Checks the fields. */
    public DecisionExplanation {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(chinese, "chinese");
    }

    /**
     * Explains a recorded decision.
     *
     * @param r the record
     * @param level what the reader may see
     * @param catalogue the feature catalogue of the model that scored (units and openness of features)
     * @return the explanation
     */
    public static DecisionExplanation of(DecisionRecord r, AccessLevel level, FeatureCatalogue catalogue) {
        StringBuilder en = new StringBuilder(1024);
        StringBuilder zh = new StringBuilder(1024);
        en.append("Decision on application ").append(r.application(), 0, 12).append("… of ")
                .append(TIME.format(r.time())).append(" (UTC+8): ").append(tierEn(r.tier())).append('\n');
        zh.append("申请 ").append(r.application(), 0, 12).append("… 的决定（").append(TIME.format(r.time()))
                .append("，北京时间）：").append(tierZh(r.tier())).append('\n');
        if (r.tier() != Tier.DECLINE) {
            String amount = String.format(Locale.ROOT, "%,.2f", r.approvedAmount());
            en.append(String.format(Locale.ROOT, "Offer: %s CNY for %d months at %.2f%% a year%n", amount,
                    r.approvedTermMonths(), 100 * r.interestRate()));
            zh.append(String.format(Locale.ROOT, "额度：%s 元，期限 %d 个月，年利率 %.2f%%%n", amount,
                    r.approvedTermMonths(), 100 * r.interestRate()));
        }
        if (!r.conditions().isEmpty()) {
            en.append("Conditions: ").append(String.join(", ", r.conditions())).append('\n');
            zh.append("条件：").append(String.join("、", r.conditions())).append('\n');
        }
        en.append(String.format(Locale.ROOT, "Score %.0f, grade %s, estimated probability of default %.2f%%%n",
                r.score(), r.grade(), 100 * r.pd()));
        zh.append(String.format(Locale.ROOT, "评分 %.0f，等级 %s，预计违约概率 %.2f%%%n", r.score(), r.grade(),
                100 * r.pd()));
        en.append("Why:\n");
        zh.append("原因：\n");
        int i = 1;
        for (RecordedReason reason : r.reasons()) {
            Optional<FeatureDefinition> def = reason.feature().flatMap(catalogue::find);
            en.append("  ").append(i).append(". ").append(reason.en());
            zh.append("  ").append(i).append(". ").append(reason.zh());
            if (def.isPresent()) {
                Openness o = def.get().openness();
                if (level.mayRead(o)) {
                    String v = reason.value().isPresent() ? value(reason.value().getAsDouble(), def.get().unit())
                            : "missing";
                    en.append(" (value: ").append(v).append(')');
                    zh.append("（取值：").append(reason.value().isPresent() ? v : "缺失").append('）');
                } else {
                    en.append(" (value not shown: ").append(o.english()).append(" data, your access level is ")
                            .append(level.label()).append(')');
                    zh.append("（取值不予显示：该数据为").append(o.chinese()).append("，您的访问级别为")
                            .append(level.label()).append('）');
                }
            } else if (reason.lineage().isEmpty()) {
                en.append(" [policy rule ").append(reason.code()).append(']');
                zh.append("【政策规则 ").append(reason.code()).append('】');
            }
            for (SourceLineage l : reason.lineage()) {
                en.append("; data: ").append(l.source().english()).append(" from ").append(l.system())
                        .append(" as of ").append(DAY.format(l.asOf()));
                zh.append("；数据：").append(l.source().chinese()).append("（").append(l.system()).append("，截至")
                        .append(DAY.format(l.asOf())).append('）');
            }
            en.append('\n');
            zh.append('\n');
            i++;
        }
        if (r.reasons().isEmpty()) {
            en.append("  none recorded\n");
            zh.append("  无\n");
        }
        en.append("Data-quality flags: ").append(r.qualityFlags().isEmpty() ? "none" : String.join(", ", r.qualityFlags()))
                .append('\n');
        zh.append("数据质量标记：").append(r.qualityFlags().isEmpty() ? "无" : String.join("、", r.qualityFlags()))
                .append('\n');
        en.append("Decided automatically by model ").append(r.modelId()).append(" and rule set ")
                .append(r.rulesetVersion(), 0, Math.min(12, r.rulesetVersion().length()))
                .append("; recorded at ").append(r.location()).append(".\n")
                .append("You may ask for a review of this decision by a person and give your view (PIPL art. 24).\n");
        zh.append("本决定由模型 ").append(r.modelId()).append(" 与规则集 ")
                .append(r.rulesetVersion(), 0, Math.min(12, r.rulesetVersion().length()))
                .append(" 自动作出，存证于 ").append(r.location()).append("。\n")
                .append("您有权要求人工复核本决定并陈述意见（《个人信息保护法》第二十四条）。\n");
        return new DecisionExplanation(r, level, en.toString(), zh.toString());
    }

    private static String value(double v, String unit) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d %s", (long) v, unit);
        }
        return String.format(Locale.ROOT, "%.4g %s", v, unit);
    }

    private static String tierEn(Tier t) {
        return switch (t) {
            case INSTANT_APPROVAL -> "approved automatically";
            case MANUAL_REVIEW -> "referred to a credit officer for review";
            case MITIGATION -> "approved with risk-mitigation conditions";
            case DECLINE -> "declined";
        };
    }

    private static String tierZh(Tier t) {
        return switch (t) {
            case INSTANT_APPROVAL -> "自动审批通过";
            case MANUAL_REVIEW -> "转信贷人员人工审核";
            case MITIGATION -> "附风险缓释条件通过";
            case DECLINE -> "拒绝";
        };
    }
}
