package org.creditkit.spark;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.creditkit.core.CreditException;
import org.creditkit.core.Problem;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.ProductMatch;
import org.creditkit.rules.ProductOutcome;

/**
 * Matches the rows of one partition against every product of the rule set: reads each row's JSON
 * strictly, calls {@link CreditEngine#match} on the executor's shared engine, and emits one row per
 * product ({@link Schemas#MATCHES}: the offers with their rank, then the refused products), or one
 * rejected row with the row's problems. No row fails the task and none is dropped: a rule set has at
 * least one product, so a good row gives at least one output row. Serialised to the executors: it holds
 * only the broadcast handle; the engine is looked up on the executor ({@link ExecutorEngines}).
 */
final class Matcher implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    static final int HEAD = Schemas.MATCH_HEAD.length;
    static final int MATCH = Schemas.MATCH.length;
    /** Output columns, with the trailing {@code problems}. */
    static final int WIDTH = HEAD + MATCH + Schemas.OFFER.length + 1;

    private final Broadcast<EngineSpec> spec;

    Matcher(Broadcast<EngineSpec> spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        CreditEngine engine = ExecutorEngines.engine(spec.value());
        return new Iterator<>() {
            /** The output rows of the input row read last, not yet handed out. */
            private final ArrayDeque<Row> pending = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return !pending.isEmpty() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (pending.isEmpty()) {
                    expand(engine, rows.next(), pending);
                }
                return pending.remove();
            }
        };
    }

    /** The output rows of one input row: one per product, or one rejected row. */
    private static void expand(CreditEngine engine, Row in, ArrayDeque<Row> out) {
        String text = in.isNullAt(2) ? null : in.getString(2);
        Object[] v = new Object[WIDTH];
        v[0] = in.isNullAt(0) ? null : in.getString(0);
        v[1] = in.isNullAt(1) ? null : in.getLong(1);
        if (!in.isNullAt(3)) {
            out.add(Evaluator.rejected(v, null, List.of(Problem.of("$", in.getString(3)))));
            return;
        }
        ProductMatch m;
        try {
            LabeledApplication a = Evaluator.read(text);
            Evaluator.head(v, a);
            m = engine.match(a.application());
        } catch (CreditException x) {
            out.add(Evaluator.rejected(v, text, x.problems()));
            return;
        } catch (RuntimeException x) {
            // a bug, not bad data: still reported with the row rather than failing the job
            out.add(Evaluator.rejected(v, text, List.of(Problem.of("$",
                    "internal error while matching this application (please report it): " + x))));
            return;
        }
        int rank = 1;
        for (ProductOutcome o : m.offers()) {
            out.add(row(v, o, rank++));
        }
        for (ProductOutcome o : m.refused()) {
            out.add(row(v, o, null));
        }
    }

    /** One product's row: the application's head columns, the product, its rank (null when refused), the decision. */
    private static Row row(Object[] head, ProductOutcome o, Integer rank) {
        Object[] v = new Object[WIDTH];
        System.arraycopy(head, 0, v, 0, HEAD);
        int i = HEAD;
        v[i++] = o.product().id();
        v[i++] = o.nameEn();
        v[i++] = o.nameZh();
        v[i++] = o.eligible();
        v[i++] = o.offered();
        v[i++] = rank;
        v[i] = Evaluator.seq(o.criteria().stream()
                .map(c -> RowFactory.create(c.id(), c.met(), c.en(), c.zh())).toList());
        Evaluator.offer(v, HEAD + MATCH, o.decision());
        return RowFactory.create(v);
    }
}
