package org.creditkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.fairness.AuditConfig;
import org.creditkit.core.fairness.AuditRecord;
import org.creditkit.core.fairness.AuditReport;
import org.creditkit.core.fairness.FairnessAudit;
import org.creditkit.core.fairness.FairnessReports;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.ExpectedLoss;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.Reason;
import org.creditkit.rules.RuleVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decisions through Spark are the decisions of {@link CreditEngine} in one JVM: every column of every
 * row compared, doubles bit for bit, on 20,000 synthetic applications.
 */
class CreditSparkDecideTest {

    static final int COUNT = 20_000;
    static final ObjectMapper JSON = new ObjectMapper();

    static SparkSession spark;
    static Applications apps;
    static Map<String, CreditEngine.Evaluation> expected;
    static BatchResult decided;

    @BeforeAll
    static void setUp() {
        spark = SparkTests.spark();
        apps = Applications.generate(COUNT, 15L);
        expected = new ConcurrentHashMap<>();
        try (CreditEngine engine = CreditEngine.defaults()) {
            apps.labeled().parallelStream().forEach(a ->
                    expected.put(a.application().id(), engine.evaluate(a.application(), Optional.empty())));
        }
        decided = CreditSpark.defaults(spark).decide(text(apps.lines())).persist();
    }

    static Dataset<Row> text(List<String> lines) {
        return SparkTests.text(lines);
    }

    @Test
    void decide_20000Applications_everyFieldEqualsTheEngineInOneJvm() {
        BatchResult out = decided;
        List<Row> rows = out.results().collectAsList();

        assertThat(out.rejected().count()).isZero();
        assertThat(rows).hasSize(COUNT);
        List<String> mismatches = new ArrayList<>();
        for (Row r : rows) {
            CreditEngine.Evaluation e = expected.get(r.<String>getAs("applicationId"));
            assertThat(e).as("decision for an application that was not in the input").isNotNull();
            mismatches.addAll(compare(r, e, apps.labeled().get((int) (r.<Long>getAs("line") - 1))));
        }
        assertThat(mismatches).as("fields that differ from CreditEngine.evaluate").isEmpty();
        assertThat(ExecutorEngines.size()).as("one engine in this (driver = executor) JVM, shared by both task threads")
                .isEqualTo(1);
        assertThat(rows.stream().map(r -> r.<String>getAs("tier")).distinct())
                .as("the sample exercises several tiers").hasSizeGreaterThan(2);
        assertThat(rows).as("the sample exercises flagged data, missing sources and missing-data reasons")
                .anySatisfy(r -> assertThat(r.getList(r.fieldIndex("dataQuality"))).hasSizeGreaterThan(1))
                .anySatisfy(r -> assertThat(r.<Double>getAs("confidence")).isLessThan(0.5))
                .anySatisfy(r -> assertThat(r.<Row>getList(r.fieldIndex("scoreReasons")))
                        .anySatisfy(x -> assertThat(x.<Boolean>getAs("missingData")).isTrue()));
    }

    @Test
    void score_matchesTheScoreOfTheEngine() {
        List<String> lines = apps.lines().subList(0, 500);
        List<Row> rows = CreditSpark.defaults(spark).score(text(lines)).results().collectAsList();

        assertThat(rows).hasSize(500);
        List<String> mismatches = new ArrayList<>();
        for (Row r : rows) {
            CreditEngine.Evaluation e = expected.get(r.<String>getAs("applicationId"));
            mismatches.addAll(compareScore(r, e.score(), e.quality(), e.decision().modelId()));
        }
        assertThat(mismatches).isEmpty();
        assertThat(rows.get(0).schema()).isEqualTo(Schemas.SCORES);
    }

    /** The applications and the lines {@code credit score} writes for them (pinned by credit-cli's ScoreCommandTest). */
    static final Path PARITY = Path.of("..", "credit-cli", "src", "test", "resources", "score-parity");

    /** The fields of a {@code credit score} line that Spark rows leave out on purpose, and why. */
    static final Map<String, String> NOT_IN_SPARK = Map.of(
            "uscc", "rows carry no enterprise identifier (the trail has the pseudonym)",
            "modelId", "a decision's modelId column is id@version; scores carry modelVersion and modelChecksum");

    /** The fields of a {@code credit score} reason that Spark's scoreReasons leave out: the texts. */
    static final java.util.Set<String> REASON_TEXTS = java.util.Set.of("text", "textZh");

    @Test
    void scoreAndDecide_applicationsOfTheCliGoldenFile_carryEveryFieldCreditScoreWrites() throws IOException {
        List<String> lines = Files.readAllLines(PARITY.resolve("applications.jsonl"), StandardCharsets.UTF_8);
        List<JsonNode> golden = new ArrayList<>();
        for (String l : Files.readAllLines(PARITY.resolve("score.jsonl"), StandardCharsets.UTF_8)) {
            golden.add(JSON.readTree(l));
        }
        CreditSpark credit = CreditSpark.defaults(spark);
        for (BatchResult out : List.of(credit.score(text(lines)), credit.decide(text(lines)))) {
            Map<String, Row> byId = new HashMap<>();
            out.results().collectAsList().forEach(r -> byId.put(r.getAs("applicationId"), r));
            List<Row> rejected = out.rejected().collectAsList();

            assertThat(rejected).singleElement().satisfies(r -> {
                assertThat(r.<Long>getAs("line")).as("the bad line credit score rejects too").isEqualTo(5L);
                assertThat(BatchJob.describe(r)).contains("$.termMonths: 0 is out of range");
            });
            assertThat(byId).hasSize(golden.size());
            List<String> mismatches = new ArrayList<>();
            for (JsonNode cli : golden) {
                Row r = byId.get(cli.get("id").asText());
                assertThat(r).as("spark row of %s", cli.get("id")).isNotNull();
                mismatches.addAll(compareWithCli(r, cli));
            }
            assertThat(mismatches).as("fields that differ from what credit score writes").isEmpty();
        }
    }

    /** Every field of a {@code credit score} line against the Spark row of the same application. */
    static List<String> compareWithCli(Row r, JsonNode cli) {
        List<String> out = new ArrayList<>();
        String id = cli.get("id").asText();
        List<String> fields = new ArrayList<>();
        cli.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            JsonNode v = cli.get(f);
            switch (f) {
                case "id" -> check(out, id, f, r.getAs("applicationId"), v.asText());
                case "industry" -> check(out, id, f, r.getAs("industryDivision"), v.asText());
                case "pd", "logOdds", "baseLogOdds", "industryLogOdds", "confidence" ->
                        bits(out, id, f, r.getAs(f), v.doubleValue());
                case "score" -> bits(out, id, f, Math.round(r.<Double>getAs(f) * 100) / 100.0, v.doubleValue());
                case "grade", "overlay", "reasonBasis", "modelVersion" -> check(out, id, f, r.getAs(f), v.asText());
                case "missingSources", "dataQuality" -> check(out, id, f, r.getList(r.fieldIndex(f)), texts(v));
                case "reasons" -> {
                    List<Row> reasons = r.getList(r.fieldIndex("scoreReasons"));
                    check(out, id, "reasons.size", reasons.size(), v.size());
                    for (int i = 0; i < Math.min(reasons.size(), v.size()); i++) {
                        out.addAll(compareReasonWithCli(id + " reasons[" + i + "]", reasons.get(i), v.get(i)));
                    }
                }
                default -> {
                    if (!NOT_IN_SPARK.containsKey(f)) {
                        out.add(id + " " + f + ": written by credit score, no Spark column compared with it");
                    }
                }
            }
        }
        if (!fields.contains("overlay")) {
            check(out, id, "overlay", r.getAs("overlay"), null);
        }
        return out;
    }

    private static List<String> compareReasonWithCli(String where, Row x, JsonNode cli) {
        List<String> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        cli.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            JsonNode v = cli.get(f);
            switch (f) {
                case "code", "featureId" -> check(out, where, f, x.getAs(f), v.asText());
                case "pointsLost" -> bits(out, where, f, Math.round(x.<Double>getAs(f) * 100) / 100.0, v.doubleValue());
                case "sources" -> check(out, where, f, x.getList(x.fieldIndex(f)), texts(v));
                case "missingData" -> check(out, where, f, x.getAs(f), v.booleanValue());
                default -> {
                    if (!REASON_TEXTS.contains(f)) {
                        out.add(where + " " + f + ": written by credit score, no Spark field compared with it");
                    }
                }
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void decide_structuredRowsAsSparkInfersThemFromJson_sameDecisionsAsText() {
        List<String> lines = apps.lines().subList(0, 400);
        Dataset<Row> structured = spark.read()
                .json(spark.createDataset(lines, org.apache.spark.sql.Encoders.STRING()));
        BatchResult out = CreditSpark.defaults(spark).decide(structured);
        List<Row> rows = out.results().collectAsList();

        assertThat(out.rejected().collectAsList()).isEmpty();
        assertThat(rows).hasSize(400);
        Map<String, LabeledApplication> byId = new HashMap<>();
        apps.labeled().subList(0, 400).forEach(a -> byId.put(a.application().id(), a));
        List<String> mismatches = new ArrayList<>();
        for (Row r : rows) {
            String id = r.getAs("applicationId");
            mismatches.addAll(compare(r, expected.get(id), byId.get(id)));
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void audit_fromCellsCountedInSpark_equalsTheInJvmAuditOfTheSameDecisions() {
        AuditConfig config = SparkAudit.standardConfig("20,000 synthetic applications");
        List<AuditRecord> records = new ArrayList<>();
        for (LabeledApplication a : apps.labeled()) {
            CreditEngine.Evaluation e = expected.get(a.application().id());
            var ent = a.application().enterprise();
            Map<String, String> attrs = Map.of("industrySection", ent.industry().sectionCode(),
                    "zone", ent.region().zone().name(), "sizeClass", ent.sizeClass().name(),
                    "ownership", ent.ownership().name());
            records.add(SparkAudit.record(attrs, e.decision().tier().isApproval(),
                    a.outcome().map(LabeledApplication.Outcome::defaulted12m).orElse(null),
                    e.score().pd(), e.score().score()));
        }
        AuditReport inJvm = FairnessAudit.run(records, config);

        AuditReport spark = SparkAudit.audit(decided.results(), config);

        assertThat(spark.records()).isEqualTo(COUNT);
        assertThat(spark.recordsWithOutcome()).isEqualTo(inJvm.recordsWithOutcome()).isPositive();
        assertThat(spark.verdict()).isEqualTo(inJvm.verdict());
        assertThat(spark.checks()).hasSize(inJvm.checks().size());
        assertThat(FairnessReports.markdown(spark)).isEqualTo(FairnessReports.markdown(inJvm));
        assertThat(FairnessReports.json(spark)).isEqualTo(FairnessReports.json(inJvm));
    }

    /** Every column of a decision row against the engine's evaluation; a description of each difference. */
    static List<String> compare(Row r, CreditEngine.Evaluation e, LabeledApplication a) {
        List<String> out = compareHead(r, a, "product");
        out.addAll(compareScore(r, e.score(), e.quality(), e.decision().modelId()));
        out.addAll(compareOffer(r, e.decision()));
        return out;
    }

    /** The head columns of a row (id, attributes, outcome) against the application; the applied product in {@code productColumn}. */
    static List<String> compareHead(Row r, LabeledApplication a, String productColumn) {
        List<String> out = new ArrayList<>();
        String id = a.application().id();
        check(out, id, "applicationId", r.getAs("applicationId"), id);
        var ent = a.application().enterprise();
        check(out, id, productColumn, r.getAs(productColumn), a.application().product().id());
        check(out, id, "industrySection", r.getAs("industrySection"), ent.industry().sectionCode());
        check(out, id, "industryDivision", r.getAs("industryDivision"), ent.industry().code());
        check(out, id, "zone", r.getAs("zone"), ent.region().zone().name());
        check(out, id, "province", r.getAs("province"), ent.region().provinceCode());
        check(out, id, "sizeClass", r.getAs("sizeClass"), ent.sizeClass().name());
        check(out, id, "ownership", r.getAs("ownership"), ent.ownership().name());
        check(out, id, "defaulted12m", r.getAs("defaulted12m"),
                a.outcome().map(LabeledApplication.Outcome::defaulted12m).orElse(null));
        return out;
    }

    /** The offer and trail columns of a row against a decision (timings excepted). */
    static List<String> compareOffer(Row r, Decision d) {
        List<String> out = new ArrayList<>();
        String id = d.applicationId();
        check(out, id, "tier", r.getAs("tier"), d.tier().name());
        check(out, id, "approved", r.getAs("approved"), d.tier().isApproval());
        BigDecimal amount = r.getAs("approvedAmount");
        check(out, id, "approvedAmount", amount, d.approvedAmount());
        check(out, id, "approvedAmount.scale", amount.scale(), d.approvedAmount().scale());
        check(out, id, "approvedTermMonths", r.getAs("approvedTermMonths"), d.approvedTermMonths());
        bits(out, id, "interestRate", r.getAs("interestRate"), d.interestRate());
        check(out, id, "conditions", r.getList(r.fieldIndex("conditions")),
                d.conditions().stream().map(MitigationMeasure::name).toList());
        Row el = r.getAs("expectedLoss");
        ExpectedLoss loss = d.expectedLoss();
        bits(out, id, "expectedLoss.pd", el.getDouble(0), loss.pd());
        bits(out, id, "expectedLoss.termPd", el.getDouble(1), loss.termPd());
        bits(out, id, "expectedLoss.lgd", el.getDouble(2), loss.lgd());
        check(out, id, "expectedLoss.ead", el.getDecimal(3), loss.ead());
        check(out, id, "expectedLoss.expectedLoss", el.getDecimal(4), loss.expectedLoss());
        bits(out, id, "expectedLoss.expectedLossRate", el.getDouble(5), loss.expectedLossRate());
        check(out, id, "reasons", r.<Row>getList(r.fieldIndex("reasons")).stream()
                .map(x -> new Reason(x.getString(0), x.getString(1), x.getString(2), x.<Row>getList(3).stream()
                        .map(l -> new SourceLineage(DataSource.valueOf(l.getString(0)), l.getString(1),
                                Instant.parse(l.getString(2)))).toList())).toList(), d.reasons());
        check(out, id, "firedRules", r.getList(r.fieldIndex("firedRules")), d.firedRules());
        check(out, id, "trail", r.<Row>getList(r.fieldIndex("trail")).stream()
                .map(x -> new RuleVerdict(x.getString(0), x.getString(1),
                        Reason.of(x.getString(2), x.getString(3), x.getString(4)))).toList(), d.trail());
        check(out, id, "rulesetVersion", r.getAs("rulesetVersion"), d.rulesetVersion());
        check(out, id, "modelId", r.getAs("modelId"), d.modelId());
        return out;
    }

    /** The score columns of a row against a score and its data-quality report; a description of each difference. */
    static List<String> compareScore(Row r, ScoreResult s, DataQualityReport q, String modelId) {
        List<String> out = new ArrayList<>();
        String id = r.getAs("applicationId");
        bits(out, id, "pd", r.getAs("pd"), s.pd());
        bits(out, id, "logOdds", r.getAs("logOdds"), s.logOdds());
        bits(out, id, "baseLogOdds", r.getAs("baseLogOdds"), s.baseLogOdds());
        bits(out, id, "industryLogOdds", r.getAs("industryLogOdds"), s.industryLogOdds());
        check(out, id, "overlay", r.getAs("overlay"), s.overlay().orElse(null));
        bits(out, id, "score", r.getAs("score"), s.score());
        check(out, id, "grade", r.getAs("grade"), s.grade().code());
        check(out, id, "gradeRank", r.getAs("gradeRank"), s.grade().rank());
        List<Row> reasons = r.getList(r.fieldIndex("scoreReasons"));
        check(out, id, "scoreReasons.size", reasons.size(), s.reasons().size());
        for (int i = 0; i < Math.min(reasons.size(), s.reasons().size()); i++) {
            Row x = reasons.get(i);
            ReasonCode c = s.reasons().get(i);
            check(out, id, "scoreReasons[" + i + "].code", x.getString(0), c.code());
            check(out, id, "scoreReasons[" + i + "].featureId", x.getString(1), c.featureId());
            bits(out, id, "scoreReasons[" + i + "].pointsLost", x.getDouble(2), c.pointsLost());
            check(out, id, "scoreReasons[" + i + "].sources", x.getList(3),
                    c.sources().stream().map(DataSource::name).toList());
            check(out, id, "scoreReasons[" + i + "].missingData", x.getAs("missingData"), c.missingData());
        }
        check(out, id, "reasonBasis", r.getAs("reasonBasis"), s.reasonBasis().name());
        bits(out, id, "confidence", r.getAs("confidence"), s.confidence());
        check(out, id, "missingSources", r.getList(r.fieldIndex("missingSources")),
                s.missingSources().stream().map(DataSource::name).toList());
        check(out, id, "dataQuality", r.getList(r.fieldIndex("dataQuality")),
                q.flags().stream().sorted().map(DataQualityFlag::name).toList());
        check(out, id, "modelVersion", r.getAs("modelVersion"), s.modelVersion());
        check(out, id, "model", modelId, s.modelId() + "@" + s.modelVersion());
        return out;
    }

    static void check(List<String> out, String id, String field, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            out.add(id + " " + field + ": spark " + actual + " vs engine " + expected);
        }
    }

    static void bits(List<String> out, String id, String field, double actual, double expected) {
        if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
            out.add(id + " " + field + ": spark " + actual + " vs engine " + expected);
        }
    }
}
