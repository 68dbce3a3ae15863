package org.creditkit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.creditkit.core.CreditException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.Utf8;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.ExpectedLoss;
import org.creditkit.rules.MitigationMeasure;
import org.creditkit.rules.RuleVerdict;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Scores or decides the rows of one partition: reads each row's JSON strictly, evaluates it with the
 * executor's shared engine, and emits one output row per input row — a result, or the row's problems.
 * No row fails the task and none is dropped. Serialised to the executors: it holds only the broadcast
 * handle and a flag; the engine is looked up on the executor ({@link ExecutorEngines}).
 */
final class Evaluator implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    /** Plain JSON, used only to find the id of a row the strict reader rejected. Thread-safe. */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    static final int HEAD = Schemas.HEAD.length;
    static final int SCORE = Schemas.SCORE.length;
    static final int OFFER = Schemas.OFFER.length;

    private final Broadcast<EngineSpec> spec;
    private final boolean decide;
    /** The decision trail's broadcast, or null when no trail is written. */
    private final Broadcast<TrailSpec> trail;

    Evaluator(Broadcast<EngineSpec> spec, boolean decide) {
        this(spec, decide, null);
    }

    Evaluator(Broadcast<EngineSpec> spec, boolean decide, Broadcast<TrailSpec> trail) {
        this.spec = spec;
        this.decide = decide;
        this.trail = trail;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        EngineSpec s = spec.value();
        CreditEngine engine = decide ? ExecutorEngines.engine(s) : null;
        ModelBundle bundle = decide ? null : ExecutorEngines.bundle(s);
        // as credit score and CreditEngine: a bundle laid out against another catalogue fails the job, never
        // scores vectors it cannot read
        FeatureExtractor extractor = decide ? null : bundle.requireCompatible(FeatureExtractor.standard());
        DataQualityChecker checker = decide ? null : DataQualityChecker.standard();
        int width = HEAD + SCORE + (decide ? OFFER : 0) + 1;
        PartitionTrail log = decide && trail != null ? PartitionTrail.open(trail.value()) : null;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && log != null) {
                    log.publish();
                }
                return more;
            }

            @Override
            public Row next() {
                Row in = rows.next();
                String source = in.isNullAt(0) ? null : in.getString(0);
                Long line = in.isNullAt(1) ? null : in.getLong(1);
                String text = in.isNullAt(2) ? null : in.getString(2);
                Object[] v = new Object[width];
                v[0] = source;
                v[1] = line;
                if (!in.isNullAt(3)) {
                    return rejected(v, null, List.of(Problem.of("$", in.getString(3))));
                }
                LabeledApplication a;
                CreditEngine.Evaluation e = null;
                try {
                    a = read(text);
                    head(v, a);
                    if (decide) {
                        e = engine.evaluate(a.application(), Optional.empty());
                        score(v, e.score(), e.quality(), s.bundleChecksum());
                        offer(v, HEAD + SCORE, e.decision());
                    } else {
                        LoanApplication app = a.application();
                        score(v, bundle.scorer().score(extractor.extract(app), app.enterprise().industry()),
                                checker.check(app), s.bundleChecksum());
                    }
                } catch (CreditException x) {
                    return rejected(v, text, x.problems());
                } catch (RuntimeException x) {
                    // a bug, not bad data: still reported with the row rather than failing the job
                    return rejected(v, text, List.of(Problem.of("$", "internal error while "
                            + (decide ? "deciding" : "scoring") + " this application (please report it): " + x)));
                }
                if (log != null) {
                    // outside the catch: a trail that cannot be written fails the task (and the job) rather
                    // than leave a decision without its evidence
                    log.write(a.application(), e, s.bundleChecksum(),
                            a.outcome().map(LabeledApplication.Outcome::defaulted12m));
                }
                return RowFactory.create(v);
            }
        };
    }

    /**
     * Reads one row's application strictly.
     *
     * @param text the row's JSON text, or null
     * @return the application
     * @throws CreditException when the text is null, blank or not a valid application
     */
    static LabeledApplication read(String text) {
        if (text == null) {
            throw new org.creditkit.core.CreditDataException("$", "no application text (the value is null); "
                    + "every row must hold one JSON object");
        }
        if (text.isBlank()) {
            throw new org.creditkit.core.CreditDataException("$", "blank line; every line must hold one JSON object "
                    + "(remove blank lines)");
        }
        return StrictApplicationReader.standard().readLabeled(text);
    }

    /**
     * The output row of a rejected input row: source and line (already in {@code v}), the id when the
     * text holds one, and the problems in the last column.
     */
    static Row rejected(Object[] v, String text, List<Problem> problems) {
        Object[] r = new Object[v.length];
        r[0] = v[0];
        r[1] = v[1];
        r[2] = idOf(text);
        r[v.length - 1] = seq(problems.stream().map(p -> RowFactory.create(p.location(), p.message())).toList());
        return RowFactory.create(r);
    }

    /** The {@code id} (or {@code application.id}) of a rejected row, when its JSON is well-formed enough. */
    static String idOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode root = LENIENT.readTree(text);
            JsonNode id = root.path("id");
            if (!id.isTextual()) {
                id = root.path("application").path("id");
            }
            // an id holding half a surrogate pair (the row's problem) would be written to Parquet as '?'
            return id.isTextual() && Utf8.unpairedSurrogate(id.asText()) < 0 ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Fills the {@link Schemas#HEAD} columns after source and line (id, attributes, outcome). */
    static void head(Object[] v, LabeledApplication a) {
        LoanApplication app = a.application();
        Enterprise e = app.enterprise();
        v[2] = app.id();
        v[3] = app.product().id();
        v[4] = e.industry().sectionCode();
        v[5] = e.industry().code();
        v[6] = e.region().zone().name();
        v[7] = e.region().provinceCode();
        v[8] = e.sizeClass().name();
        v[9] = e.ownership().name();
        v[10] = a.outcome().map(LabeledApplication.Outcome::defaulted12m).orElse(null);
    }

    /**
     * Fills the {@link Schemas#SCORE} columns: the fields of {@code credit score}'s JSON line, from the same
     * calls ({@link ScoreResult}, {@link DataQualityReport#flagNames()}), unrounded.
     */
    private static void score(Object[] v, ScoreResult r, DataQualityReport quality, String checksum) {
        int i = HEAD;
        v[i++] = r.pd();
        v[i++] = r.logOdds();
        v[i++] = r.baseLogOdds();
        v[i++] = r.industryLogOdds();
        v[i++] = r.overlay().orElse(null);
        v[i++] = r.score();
        v[i++] = r.grade().code();
        v[i++] = r.grade().rank();
        v[i++] = seq(r.reasons().stream().map(c -> RowFactory.create(c.code(), c.featureId(), c.pointsLost(),
                seq(c.sources().stream().map(Enum::name).toList()), c.missingData())).toList());
        v[i++] = r.reasonBasis().name();
        v[i++] = r.confidence();
        v[i++] = seq(r.missingSources().stream().map(Enum::name).toList());
        v[i++] = seq(quality.flagNames());
        v[i++] = r.modelVersion();
        v[i] = checksum;
    }

    /** Fills the {@link Schemas#OFFER} columns of a decision from index {@code start}. */
    static void offer(Object[] v, int start, Decision d) {
        int i = start;
        v[i++] = d.tier().name();
        v[i++] = d.tier().isApproval();
        v[i++] = d.approvedAmount();
        v[i++] = d.approvedTermMonths();
        v[i++] = d.interestRate();
        v[i++] = seq(d.conditions().stream().map(MitigationMeasure::name).toList());
        ExpectedLoss el = d.expectedLoss();
        v[i++] = RowFactory.create(el.pd(), el.termPd(), el.lgd(), el.ead(), el.expectedLoss(), el.expectedLossRate());
        v[i++] = seq(d.reasons().stream().map(r -> RowFactory.create(r.code(), r.en(), r.zh(),
                seq(r.lineage().stream().map(l -> RowFactory.create(l.source().name(), l.system(),
                        l.asOf().toString())).toList()))).toList());
        v[i++] = seq(d.firedRules());
        v[i++] = seq(d.trail().stream().map(Evaluator::verdict).toList());
        v[i++] = d.rulesetVersion();
        v[i] = d.modelId();
    }

    private static Row verdict(RuleVerdict t) {
        return RowFactory.create(t.rule(), t.verdict(), t.reason().code(), t.reason().en(), t.reason().zh());
    }

    static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
