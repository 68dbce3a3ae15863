package org.creditkit.core.fairness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;

/** The JSON rendering; field order is fixed by construction. */
final class JsonReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private JsonReport() {
    }

    static String render(AuditReport r) {
        ObjectNode root = F.objectNode();
        AuditConfig c = r.config();
        root.put("title", c.title());
        root.put("dataSource", c.dataSource());
        if (c.generatedAt().isPresent()) {
            root.put("generatedAt", c.generatedAt().get());
        } else {
            root.putNull("generatedAt");
        }
        root.put("verdict", r.verdict().name());
        root.put("exitCode", r.exitCode());
        ObjectNode counts = root.putObject("checkCounts");
        FairnessReports.counts(r).forEach((k, v) -> counts.put(k.name(), v));
        ObjectNode records = root.putObject("records");
        records.put("total", r.records());
        records.put("withOutcome", r.recordsWithOutcome());
        records.put("withPd", r.recordsWithPd());
        ObjectNode audited = root.putObject("audited");
        AuditScope scope = c.scope();
        if (scope.dataDigest().isPresent()) {
            audited.put("dataDigest", scope.dataDigest().get());
        } else {
            audited.putNull("dataDigest");
        }
        ArrayNode models = audited.putArray("models");
        scope.models().forEach(models::add);
        ArrayNode ruleSets = audited.putArray("ruleSets");
        scope.ruleSets().forEach(ruleSets::add);
        if (scope.period().isPresent()) {
            audited.put("decisionPeriod", scope.period().get());
        } else {
            audited.putNull("decisionPeriod");
        }
        audited.put("smallGroups", HtmlReport.smallGroupCount(r));
        root.set("theilIndex", num(r.theilIndex()));
        root.set("settings", settings(c));
        root.put("justifiedDisparityRule", JustifiedDisparity.RULE);
        ArrayNode checks = root.putArray("checks");
        for (CheckResult k : r.checks()) {
            ObjectNode o = checks.addObject();
            o.put("check", k.check());
            o.put("grouping", k.grouping());
            o.put("group", k.group());
            o.put("status", k.status().name());
            o.set("value", num(k.value()));
            o.set("ci", ci(k.interval()));
            o.set("pValue", pval(k.pValue()));
            o.set("pAdjusted", pval(k.adjustedPValue()));
            o.put("n", k.count());
            o.put("threshold", k.threshold());
            o.put("evidence", k.evidence());
            o.put("note", k.note());
            ArrayNode serves = o.putArray("serves");
            Regulation.shortRequirementsOf(k.check()).forEach(serves::add);
        }
        ArrayNode regulation = root.putArray("regulationMapping");
        for (String[] check : Regulation.checks()) {
            ObjectNode o = regulation.addObject();
            o.put("check", check[0]);
            o.put("examines", check[1]);
            ArrayNode reqs = o.putArray("requirements");
            Regulation.requirementsOf(check[0]).forEach(reqs::add);
        }
        ArrayNode groupings = root.putArray("groupings");
        for (GroupingResult g : r.groupings()) {
            groupings.add(grouping(g));
        }
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the fairness report as JSON", e);
        }
    }

    private static ObjectNode settings(AuditConfig c) {
        ObjectNode s = F.objectNode();
        ArrayNode gs = s.putArray("groupings");
        c.groupings().forEach(g -> gs.add(g.name()));
        ObjectNode refs = s.putObject("namedReferences");
        c.namedReferences().forEach(refs::put);
        s.put("defaultReference", c.defaultReference().name());
        s.put("differenceMethod", c.differenceMethod().name());
        s.put("significanceTest", c.significanceTest().name());
        if (c.differenceMethod() == DifferenceMethod.BOOTSTRAP) {
            s.put("bootstrapReplicates", c.bootstrapReplicates());
            s.put("seed", c.seed());
        }
        FairnessThresholds t = c.thresholds();
        ObjectNode th = s.putObject("thresholds");
        th.put("minGroupSize", t.minGroupSize());
        th.put("minClassSize", t.minClassSize());
        th.set("alpha", num(t.alpha()));
        ObjectNode ar = th.putObject("approvalRatio");
        ar.set("warnBelow", num(t.approvalRatioWarnBelow()));
        ar.set("failBelow", num(t.approvalRatioFailBelow()));
        ObjectNode eo = th.putObject("equalOpportunityDifference");
        eo.set("warnAbove", num(t.equalOpportunityWarnAbove()));
        eo.set("failAbove", num(t.equalOpportunityFailAbove()));
        ObjectNode cal = th.putObject("calibrationGap");
        cal.set("warnAbove", num(t.calibrationWarnAbove()));
        cal.set("failAbove", num(t.calibrationFailAbove()));
        ArrayNode edges = th.putArray("pdBandEdges");
        t.pdBandEdges().forEach(e -> edges.add(num(e)));
        return s;
    }

    private static ObjectNode grouping(GroupingResult g) {
        ObjectNode o = F.objectNode();
        o.put("grouping", g.grouping());
        o.put("reference", g.referenceGroup());
        o.put("referenceRule", g.referenceRule());
        ObjectNode s = o.putObject("summary");
        FairlearnSummary fs = g.summary();
        s.put("groups", fs.groups());
        s.put("smallGroupsExcluded", fs.smallGroups());
        s.set("demographicParityDifference", num(fs.demographicParityDifference()));
        s.set("demographicParityRatio", num(fs.demographicParityRatio()));
        s.set("equalizedOddsDifference", num(fs.equalizedOddsDifference()));
        s.set("equalizedOddsRatio", num(fs.equalizedOddsRatio()));
        s.set("betweenGroupTheil", num(g.betweenGroupTheil()));
        ArrayNode groups = o.putArray("groups");
        for (GroupResult gr : g.groups()) {
            groups.add(group(gr));
        }
        return o;
    }

    private static ObjectNode group(GroupResult g) {
        ObjectNode o = F.objectNode();
        o.put("group", g.group());
        o.put("reference", g.reference());
        o.put("sufficient", g.sufficient());
        o.put("n", g.count());
        o.set("approval", rate(g.approval()));
        o.set("approvalVsReference", comparison(g.approvalVsReference()));
        ObjectNode boot = o.putObject("bootstrap");
        boot.put("replicates", g.bootstrap().replicates());
        boot.set("approvalCi", ci(Optional.of(g.bootstrap().approval())));
        boot.set("differenceCi", ci(g.bootstrap().difference()));
        ObjectNode pd = o.putObject("pd");
        pd.put("count", g.pdCount());
        pd.set("mean", num(g.meanPd()));
        if (g.outcomes().isPresent()) {
            OutcomeMetrics m = g.outcomes().get();
            ObjectNode om = o.putObject("outcomes");
            om.put("withOutcome", m.withOutcome());
            om.put("good", m.good());
            om.put("bad", m.bad());
            om.put("tp", m.truePositives());
            om.put("fp", m.falsePositives());
            om.put("tn", m.trueNegatives());
            om.put("fn", m.falseNegatives());
            om.set("defaultRate", rate(m.defaultRate()));
            om.set("defaultRateVsReference", comparison(m.defaultRateVsReference()));
            om.set("tpr", num(m.tpr()));
            om.set("fpr", num(m.fpr()));
            om.set("fnr", num(m.fnr()));
            om.set("ppv", num(m.ppv()));
            om.set("npv", num(m.npv()));
            om.set("equalOpportunityDifference", num(m.equalOpportunityDifference()));
            om.set("equalOpportunityCi", ci(m.equalOpportunityCi()));
            om.set("equalOpportunityPValue", pval(m.equalOpportunityPValue()));
            om.set("averageOddsDifference", num(m.averageOddsDifference()));
            ObjectNode cal = om.putObject("calibration");
            cal.put("count", m.calibrationCount());
            cal.set("meanPd", num(m.calibrationMeanPd()));
            cal.set("observed", rate(m.calibrationObserved()));
            cal.set("gap", num(m.calibrationGap()));
            cal.set("pValue", pval(m.calibrationPValue()));
            om.set("auc", num(m.auc()));
        } else {
            o.putNull("outcomes");
        }
        JustifiedDisparity d = g.disparity();
        ObjectNode jd = o.putObject("disparity");
        jd.put("classification", d.classification().name());
        jd.set("approvalGap", num(d.approvalGap()));
        jd.set("approvalRatio", num(d.approvalRatio()));
        jd.set("defaultRateGap", num(d.defaultRateGap()));
        jd.set("defaultRateGapCi", ci(d.defaultRateGapCi()));
        jd.set("goodRateRatio", num(d.goodRateRatio()));
        jd.set("pdGap", num(d.pdGap()));
        jd.put("explanation", d.explanation());
        ArrayNode bands = o.putArray("pdBands");
        for (BandCalibration b : g.bands()) {
            ObjectNode bo = bands.addObject();
            bo.set("lower", num(b.lower()));
            bo.set("upper", num(b.upper()));
            bo.put("n", b.count());
            bo.put("approved", b.approved());
            bo.set("approvalRate", num(b.approvalRate()));
            bo.set("meanPd", num(b.meanPd()));
            bo.put("withOutcome", b.withOutcome());
            bo.put("bad", b.bad());
            bo.set("observedDefaultRate", num(b.observedDefaultRate()));
        }
        return o;
    }

    private static ObjectNode rate(RateEstimate e) {
        ObjectNode o = F.objectNode();
        o.put("successes", e.successes());
        o.put("trials", e.trials());
        o.set("rate", num(e.rate()));
        o.set("ci", ci(Optional.of(e.ci())));
        return o;
    }

    private static ObjectNode comparison(Comparison c) {
        ObjectNode o = F.objectNode();
        o.set("difference", num(c.difference()));
        o.set("ci", ci(c.differenceCi()));
        o.set("ratio", num(c.ratio()));
        o.set("ratioCi", ci(c.ratioCi()));
        o.set("pValue", pval(c.pValue()));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode ci(Optional<Interval> i) {
        if (i.isEmpty()) {
            return F.nullNode();
        }
        ArrayNode a = F.arrayNode();
        a.add(num(i.get().lower()));
        a.add(num(i.get().upper()));
        return a;
    }

    private static com.fasterxml.jackson.databind.JsonNode num(OptionalDouble x) {
        return x.isPresent() ? num(x.getAsDouble()) : F.nullNode();
    }

    /** Six decimals, half-even, negative zero normalised. */
    static com.fasterxml.jackson.databind.JsonNode num(double x) {
        BigDecimal d = new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN);
        if (d.signum() == 0) {
            d = BigDecimal.ZERO.setScale(6);
        }
        return DecimalNode.valueOf(d);
    }

    /** Six significant digits, so that tiny p-values keep their size. */
    private static com.fasterxml.jackson.databind.JsonNode pval(OptionalDouble x) {
        if (x.isEmpty()) {
            return F.nullNode();
        }
        double v = x.getAsDouble();
        if (v == 0.0) {
            return DecimalNode.valueOf(BigDecimal.ZERO.setScale(6));
        }
        return DecimalNode.valueOf(new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)));
    }
}
