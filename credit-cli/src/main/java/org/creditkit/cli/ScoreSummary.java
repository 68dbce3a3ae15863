package org.creditkit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.Grade;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.models.eval.Evaluation;

/**
 * What {@code credit demo} prints after scoring a generated portfolio: the grade distribution with
 * the observed default rate per grade, the AUC of the model's PD against the recorded outcomes, and
 * the oracle AUC of the generator's true PDs against the same outcomes (the best any model could do).
 *
 * <pre>{@code
 * ScoreSummary s = ScoreSummary.of(portfolio, ModelBundle.defaultBundle().scorer());
 * System.out.print(s.toText());
 * }</pre>
 *
 * @param count       applications scored
 * @param defaults    recorded defaults among them
 * @param byGrade     one row per grade, best first
 * @param meanPd      mean predicted PD
 * @param auc         AUC of the predicted PD against the recorded outcomes
 * @param oracleAuc   AUC of the true PDs, when every record carries one
 */
record ScoreSummary(long count, long defaults, List<GradeRow> byGrade, double meanPd, double auc,
                           OptionalDouble oracleAuc) {

    /**
     * One grade's line.
     *
     * @param grade    grade code
     * @param count    applications in the grade
     * @param defaults recorded defaults among them
     */
    public record GradeRow(String grade, long count, long defaults) {
    }

    /** Copies the rows. */
    public ScoreSummary {
        byGrade = List.copyOf(byGrade);
    }

    /**
     * Scores every labelled application (those without an outcome are skipped).
     *
     * @throws IllegalArgumentException if no application has an outcome
     */
    public static ScoreSummary of(List<LabeledApplication> portfolio, CompositeScorer scorer) {
        List<LabeledApplication> labelled = portfolio.stream().filter(l -> l.outcome().isPresent()).toList();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no application with a recorded outcome to summarise");
        }
        int n = labelled.size();
        double[] pd = new double[n];
        double[] truePd = new double[n];
        boolean[] bad = new boolean[n];
        boolean oracle = true;
        Map<String, long[]> byGrade = new LinkedHashMap<>();
        for (Grade g : scorer.gradeBands().grades()) {
            byGrade.put(g.code(), new long[2]);
        }
        long defaults = 0;
        double sumPd = 0;
        for (int i = 0; i < n; i++) {
            LabeledApplication l = labelled.get(i);
            ScoreResult r = scorer.score(l.application());
            LabeledApplication.Outcome o = l.outcome().orElseThrow();
            pd[i] = r.pd();
            sumPd += r.pd();
            bad[i] = o.defaulted12m();
            defaults += bad[i] ? 1 : 0;
            long[] g = byGrade.get(r.grade().code());
            g[0]++;
            g[1] += bad[i] ? 1 : 0;
            if (o.truePd().isPresent()) {
                truePd[i] = o.truePd().getAsDouble();
            } else {
                oracle = false;
            }
        }
        List<GradeRow> rows = byGrade.entrySet().stream()
                .map(e -> new GradeRow(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new ScoreSummary(n, defaults, rows, sumPd / n, Evaluation.auc(pd, outcomes(bad)),
                oracle ? OptionalDouble.of(Evaluation.auc(truePd, outcomes(bad))) : OptionalDouble.empty());
    }

    /** A readable table. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Scored %d applications: %d recorded defaults (%.2f%%), mean PD %.2f%%%n",
                count, defaults, 100.0 * defaults / count, 100 * meanPd));
        sb.append(String.format(Locale.ROOT, "AUC against recorded outcomes %.4f", auc));
        oracleAuc.ifPresent(o -> sb.append(String.format(Locale.ROOT, "; oracle AUC (true PDs) %.4f", o)));
        sb.append(String.format(Locale.ROOT, "%n%-6s %8s %8s %9s%n", "grade", "count", "share", "def.rate"));
        byGrade.forEach(r -> sb.append(String.format(Locale.ROOT, "%-6s %8d %7.2f%% %8.2f%%%n", r.grade(), r.count(),
                100.0 * r.count() / count, r.count() == 0 ? 0 : 100.0 * r.defaults() / r.count())));
        return sb.toString();
    }

    /** 1 for a recorded default, 0 otherwise, as {@link Evaluation} takes outcomes. */
    static int[] outcomes(boolean[] defaulted) {
        int[] y = new int[defaulted.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = defaulted[i] ? 1 : 0;
        }
        return y;
    }
}
