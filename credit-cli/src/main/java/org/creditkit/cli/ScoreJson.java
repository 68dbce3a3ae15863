package org.creditkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ReasonCode;
import org.creditkit.core.score.ScoreResult;

/** The JSON Lines form of a score result written by {@code credit score}. */
final class ScoreJson {

    private ScoreJson() {
    }

    /**
     * {@code {"id", "uscc" (masked: first two and last two characters), "industry", "pd", "logOdds", "score", "grade", "baseLogOdds",
     * "industryLogOdds", "overlay"?, "reasons": [{"code", "featureId", "text", "textZh", "sources",
     * "pointsLost", "missingData"}], "reasonBasis", "confidence", "missingSources", "dataQuality", "modelId", "modelVersion"}};
     * {@code overlay} is left out when the base alone scored; {@code reasonBasis} is {@code NEUTRAL} or, for a
     * bundle without population shares (or, for a tree ensemble, node covers), {@code MOST_FAVOURABLE}.
     * {@code dataQuality} lists the flags the standard data-quality checks raise on the application
     * (docs/data-quality.md, {@link DataQualityReport#flagNames()}), empty when none: a score computed from a
     * stale tax series or a contradicted revenue is not silently as good as any other. credit-spark writes the
     * same fields as columns of its scores and decisions (docs/spark.md).
     */
    static ObjectNode of(LoanApplication app, ScoreResult r, DataQualityReport quality) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", app.id());
        o.put("uscc", app.enterprise().uscc().masked());
        o.put("industry", app.enterprise().industry().code());
        o.put("pd", r.pd());
        o.put("logOdds", r.logOdds());
        o.put("score", Math.round(r.score() * 100) / 100.0);
        o.put("grade", r.grade().code());
        o.put("baseLogOdds", r.baseLogOdds());
        o.put("industryLogOdds", r.industryLogOdds());
        r.overlay().ifPresent(ov -> o.put("overlay", ov));
        ArrayNode reasons = o.putArray("reasons");
        for (ReasonCode rc : r.reasons()) {
            ObjectNode n = reasons.addObject();
            n.put("code", rc.code());
            n.put("featureId", rc.featureId());
            n.put("text", rc.text());
            n.put("textZh", rc.textZh());
            ArrayNode src = n.putArray("sources");
            rc.sources().forEach(s -> src.add(s.name()));
            n.put("pointsLost", Math.round(rc.pointsLost() * 100) / 100.0);
            n.put("missingData", rc.missingData());
        }
        o.put("reasonBasis", r.reasonBasis().name());
        o.put("confidence", r.confidence());
        ArrayNode missing = o.putArray("missingSources");
        r.missingSources().forEach(s -> missing.add(s.name()));
        ArrayNode flags = o.putArray("dataQuality");
        quality.flagNames().forEach(flags::add);
        o.put("modelId", r.modelId());
        o.put("modelVersion", r.modelVersion());
        return o;
    }
}
