package org.creditkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.creditkit.core.CreditException;
import org.creditkit.core.Problem;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Criterion;
import org.creditkit.rules.ProductMatch;
import org.creditkit.rules.ProductOutcome;
import org.junit.jupiter.api.Test;

/**
 * Product matching through Spark is {@link CreditEngine#match} in one JVM: on 1,200 synthetic
 * applications (6,000 rows, one per product) and a few bad lines, every column of every (application, product) row is compared with
 * the engine's match of the same line, and every bad line is a rejected row with its line and the
 * problems the engine's reader reports.
 */
class CreditSparkMatchTest {

    static final int COUNT = 1_200;

    @Test
    void match_goodAndBadRows_everyFieldEqualsTheEngineInOneJvm_badRowsRejectedWithLineAndProblems() {
        List<String> lines = new ArrayList<>(Applications.generate(COUNT, 21L).lines());
        lines.set(9, "");                                                               // line 10: blank
        lines.set(19, "{\"id\": ");                                                     // line 20: not JSON
        lines.set(29, lines.get(29).replace("\"termMonths\":", "\"termMonths\":-1,\"x\":"));  // line 30: two problems
        // line 40 applies for a product the rule set does not define: decide refuses it, match (where the
        // applied product is one of those matched, not a preference) matches it against the real ones
        lines.set(39, lines.get(39).replaceFirst("\"product\":\"[A-Z_]+\"", "\"product\":\"NO_SUCH_PRODUCT\""));

        // what the engine does with each line in this JVM: a match, or the problems that refuse the line
        Map<Long, LabeledApplication> read = new ConcurrentHashMap<>();
        Map<Long, ProductMatch> expected = new ConcurrentHashMap<>();
        Map<Long, List<Problem>> refused = new ConcurrentHashMap<>();
        try (CreditEngine engine = CreditEngine.defaults()) {
            IntStream.range(0, lines.size()).parallel().forEach(i -> {
                long line = i + 1L;
                if (lines.get(i).isBlank()) {
                    refused.put(line, List.of(Problem.of("$", "blank line; every line must hold one JSON object "
                            + "(remove blank lines)")));
                    return;
                }
                try {
                    LabeledApplication a = StrictApplicationReader.standard().readLabeled(lines.get(i));
                    read.put(line, a);
                    expected.put(line, engine.match(a.application()));
                } catch (CreditException e) {
                    refused.put(line, e.problems());
                }
            });
        }

        BatchResult out = CreditSpark.defaults(SparkTests.spark()).match(SparkTests.text(lines)).persist();
        try {
            List<Row> rows = out.results().collectAsList();
            List<Row> rejected = out.rejected().collectAsList();

            assertThat(refused).as("the bad lines are refused by the engine's reader").containsOnlyKeys(10L, 20L, 30L);
            assertThat(read.get(40L).application().product().id()).isEqualTo("NO_SUCH_PRODUCT");
            Map<Long, Row> rejectedByLine = rejected.stream().collect(Collectors.toMap(r -> r.getLong(1), r -> r));
            assertThat(rejectedByLine).containsOnlyKeys(refused.keySet());
            refused.forEach((line, problems) -> assertThat(rejectedByLine.get(line).<Row>getList(3).stream()
                    .map(p -> Problem.of(p.getString(0), p.getString(1))).toList())
                    .as("problems of line %d", line).isEqualTo(problems));
            assertThat(rejectedByLine.get(30L).getString(2)).as("id of a rejected but readable line")
                    .startsWith("SYN-");

            Map<Long, List<Row>> byLine = rows.stream().collect(Collectors.groupingBy(r -> r.<Long>getAs("line")));
            assertThat(byLine).containsOnlyKeys(expected.keySet());
            List<String> mismatches = new ArrayList<>();
            expected.forEach((line, m) -> mismatches.addAll(compare(byLine.get(line), m, read.get(line))));
            assertThat(mismatches).as("fields that differ from CreditEngine.match").isEmpty();

            assertThat(rows.get(0).schema()).isEqualTo(Schemas.MATCHES);
            assertThat(rows).as("the sample has second offers, ineligible products and eligible but declined ones")
                    .anySatisfy(r -> assertThat(r.<Integer>getAs("rank")).isEqualTo(2))
                    .anySatisfy(r -> assertThat(r.<Boolean>getAs("eligible")).isFalse())
                    .anySatisfy(r -> assertThat(r.<Boolean>getAs("eligible") && !r.<Boolean>getAs("offered")).isTrue());
            assertThat(ExecutorEngines.size()).as("the one default engine of this JVM, shared with decide")
                    .isEqualTo(1);
        } finally {
            out.unpersist();
        }
    }

    /** One application's rows against its match: one row per product, ranks, product, criteria, decision. */
    private static List<String> compare(List<Row> rows, ProductMatch m, LabeledApplication a) {
        List<String> out = new ArrayList<>();
        String id = m.applicationId();
        Map<String, Row> byProduct = rows.stream().collect(Collectors.toMap(r -> r.<String>getAs("product"), r -> r));
        if (rows.size() != m.offers().size() + m.refused().size() || byProduct.size() != rows.size()) {
            out.add(id + ": " + rows.size() + " rows for " + (m.offers().size() + m.refused().size()) + " products");
        }
        List<ProductOutcome> all = new ArrayList<>(m.offers());
        all.addAll(m.refused());
        for (int i = 0; i < all.size(); i++) {
            ProductOutcome o = all.get(i);
            Row r = byProduct.get(o.product().id());
            if (r == null) {
                out.add(id + ": no row for product " + o.product().id());
                continue;
            }
            String at = id + " " + o.product().id();
            CreditSparkDecideTest.check(out, at, "rank", r.getAs("rank"), i < m.offers().size() ? i + 1 : null);
            CreditSparkDecideTest.check(out, at, "productNameEn", r.getAs("productNameEn"), o.nameEn());
            CreditSparkDecideTest.check(out, at, "productNameZh", r.getAs("productNameZh"), o.nameZh());
            CreditSparkDecideTest.check(out, at, "eligible", r.getAs("eligible"), o.eligible());
            CreditSparkDecideTest.check(out, at, "offered", r.getAs("offered"), o.offered());
            CreditSparkDecideTest.check(out, at, "criteria", r.<Row>getList(r.fieldIndex("criteria")).stream()
                    .map(c -> new Criterion(c.getString(0), c.getBoolean(1), c.getString(2), c.getString(3))).toList(),
                    o.criteria());
            CreditSparkDecideTest.compareHead(r, a, "appliedProduct").forEach(x -> out.add(o.product().id() + ": " + x));
            CreditSparkDecideTest.compareOffer(r, o.decision()).forEach(x -> out.add(o.product().id() + ": " + x));
        }
        return out;
    }
}
