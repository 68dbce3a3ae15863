package org.creditkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.creditkit.core.input.Utf8;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.rules.RuleSetSource;
import scala.Tuple2;

/**
 * Scores, decides and matches against the products loan applications held in a Spark
 * {@code Dataset<Row>}, with the same results as {@link org.creditkit.rules.CreditEngine} in one JVM.
 *
 * <p>Input, either of:
 * <ul>
 *   <li><b>JSON text</b>: a string column {@code value} holding one application per row in the JSON
 *       format of {@code docs/json-format.md} (bare, or labeled with an outcome), and optionally
 *       {@code source} (string) and {@code line} (long) saying where it came from —
 *       {@link #readJsonLines} gives exactly that, with 1-based line numbers per file;</li>
 *   <li><b>structured</b>: columns that mirror the JSON format ({@code id}, {@code applicationTime},
 *       {@code enterprise} struct, {@code sources} struct..., or {@code application} and {@code outcome}),
 *       as {@code spark.read().json(path)} infers them or a Parquet file
 *       written from that; each row is turned back into its JSON text and read by the same strict
 *       reader, so both inputs are checked by one set of rules.</li>
 * </ul>
 *
 * <pre>{@code
 * CreditSpark credit = CreditSpark.of(spark, ModelBundle.read(bundle), RuleSetSource.directory(rules));
 * BatchResult out = credit.decide(CreditSpark.readJsonLines(spark, "hdfs:///in/applications.jsonl")).persist();
 * out.results().write().parquet("hdfs:///out/decisions");    // Schemas.DECISIONS
 * out.rejected().write().parquet("hdfs:///out/rejected");    // line, id, every problem
 * }</pre>
 *
 * <p>The model bundle and the rule set travel to the executors as text in one broadcast
 * {@link EngineSpec}; each executor JVM builds one engine per (bundle checksum, ruleset version) and
 * shares it between its task threads. Nothing here holds an engine or a logger, so nothing of the kind
 * is serialised.
 */
public final class CreditSpark {

    private final SparkSession spark;
    private final EngineSpec spec;
    private final Broadcast<EngineSpec> broadcast;
    /** The decision trail's broadcast, or null without a trail. */
    private final Broadcast<TrailSpec> trail;

    private CreditSpark(SparkSession spark, EngineSpec spec) {
        this(spark, spec, JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(spec), null);
    }

    private CreditSpark(SparkSession spark, EngineSpec spec, Broadcast<EngineSpec> broadcast,
            Broadcast<TrailSpec> trail) {
        this.spark = spark;
        this.spec = spec;
        this.broadcast = broadcast;
        this.trail = trail;
    }

    /**
     * The same decisions, also recorded in the masked decision trail: one hash-chained, signed chain per
     * partition ({@code DIR/part-00000.jsonl} ...), each verified by {@code credit log verify} like the
     * trail of one JVM. The trail is written while {@link #decide} computes its rows, so compute them once:
     * {@link BatchResult#persist()} before writing decisions and rejected rows (as {@link BatchJob} does);
     * a partition computed again rewrites its part in full.
     *
     * @param value where and with which keys
     * @return a facade that writes the trail
     * @throws IllegalArgumentException when the trail directory already exists (a trail is never overwritten)
     */
    public CreditSpark withTrail(TrailSpec value) {
        Objects.requireNonNull(value, "trail");
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(value.dir());
            if (dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir)) {
                throw new IllegalArgumentException("the decision trail directory " + value.dir()
                        + " already exists; give a new one (a trail is never overwritten)");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot check " + value.dir(), e);
        }
        return new CreditSpark(spark, spec, broadcast,
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(value));
    }

    /**
     * Decisions with a model bundle and a rule set, broadcast once.
     *
     * @param spark the session
     * @param bundle the model bundle, trusted as given: read a bundle file with
     *        {@code BundleLoader.standard().trust(...)} first (docs/bundles.md); executors accept only
     *        the bundle with this one's checksum
     * @param rules the rule files
     * @return the facade
     */
    public static CreditSpark of(SparkSession spark, ModelBundle bundle, RuleSetSource rules) {
        return of(spark, EngineSpec.of(bundle, rules));
    }

    /**
     * Decisions with a spec.
     *
     * @param spark the session
     * @param spec the bundle and rules as text
     * @return the facade
     */
    public static CreditSpark of(SparkSession spark, EngineSpec spec) {
        return new CreditSpark(Objects.requireNonNull(spark, "spark"), Objects.requireNonNull(spec, "spec"));
    }

    /**
     * The default expert bundle and the default policy.
     *
     * @param spark the session
     * @return the facade
     */
    public static CreditSpark defaults(SparkSession spark) {
        return of(spark, EngineSpec.defaults());
    }

    /**
     * What the executors build their engine from.
     *
     * @return the spec
     */
    public EngineSpec spec() {
        return spec;
    }

    /**
     * Scores every row (PD, score, grade, reason codes), without rules.
     *
     * @param input applications, as JSON text or structured (see the class documentation)
     * @return scores ({@link Schemas#SCORES}) and rejected rows
     */
    public BatchResult score(Dataset<Row> input) {
        return BatchResult.of(normalise(input).mapPartitions(new Evaluator(broadcast, false),
                Encoders.row(Schemas.withProblems(Schemas.SCORES))));
    }

    /**
     * Decides every row: score, tier, offer, conditions, reasons, fired rules and trail, versions.
     *
     * @param input applications, as JSON text or structured (see the class documentation)
     * @return decisions ({@link Schemas#DECISIONS}) and rejected rows
     */
    public BatchResult decide(Dataset<Row> input) {
        return BatchResult.of(normalise(input).mapPartitions(new Evaluator(broadcast, true, trail),
                Encoders.row(Schemas.withProblems(Schemas.DECISIONS))));
    }

    /**
     * Matches every row against every product of the rule set's {@code products.json}, as
     * {@link org.creditkit.rules.CreditEngine#match} does in one JVM: the application is scored once and
     * decided under each product; the products are split into offers, ranked best first, and refusals
     * with why. The products file is one of the rule files of the broadcast {@link EngineSpec} (and part
     * of its ruleset version), so every executor matches against the same products.
     *
     * <p>The result has <b>one row per (application, product)</b>, offered or not
     * ({@link Schemas#MATCHES}): {@code offered} and {@code rank} (1 = the best offer, null when refused)
     * say which products the application is offered, {@code criteria} every eligibility criterion met or
     * missed, and the decision columns the offer under that product or, for a refusal, the decline
     * reasons. A long table rather than an array per application, because that is what Spark queries
     * want: {@code where("rank = 1")} is every application's best offer, {@code groupBy("product")} the
     * take-up per product, {@code where("not eligible")} with {@code criteria} why a product is closed to
     * whom; {@code groupBy("applicationId").agg(sort_array(collect_list(...)))} gives the nested form
     * when it is wanted. Rejected rows are as for {@link #decide}.
     *
     * <p>A match is an indication, not a decision: like {@code CreditEngine.match}, it writes nothing to
     * the decision trail, even on a facade {@link #withTrail with a trail}.
     *
     * <pre>{@code
     * BatchResult m = CreditSpark.defaults(spark).match(CreditSpark.readJsonLines(spark, "in.jsonl")).persist();
     * m.results().where("rank = 1").groupBy("product").count().show();   // best offers per product
     * m.rejected().write().parquet("out/rejected");
     * }</pre>
     *
     * @param input applications, as JSON text or structured (see the class documentation)
     * @return matches ({@link Schemas#MATCHES}) and rejected rows
     */
    public BatchResult match(Dataset<Row> input) {
        return BatchResult.of(normalise(input).mapPartitions(new Matcher(broadcast),
                Encoders.row(Schemas.withProblems(Schemas.MATCHES))));
    }

    /**
     * Brings either input form to {@link Schemas#INPUT}: source, line, JSON text, read error.
     *
     * @param input JSON text ({@code value} string column) or structured columns
     * @return the normalised rows
     */
    static Dataset<Row> normalise(Dataset<Row> input) {
        Set<String> names = Set.of(input.columns());
        Column source = names.contains("source") ? col("source").cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        Column line = names.contains("line") ? col("line").cast(DataTypes.LongType) : lit(null).cast(DataTypes.LongType);
        Column error = names.contains("error") ? col("error").cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        Column value;
        if (names.contains("value") && input.schema().apply("value").dataType().equals(DataTypes.StringType)) {
            value = col("value");
        } else {
            Column[] fields = Arrays.stream(input.columns())
                    .filter(n -> !n.equals("source") && !n.equals("line") && !n.equals("error"))
                    .map(n -> col("`" + n + "`")).toArray(Column[]::new);
            value = to_json(struct(fields));
        }
        return input.select(source.as("source"), line.as("line"), value.as("value"), error.as("error"));
    }

    /** Lines counted in one input split (pass 1 of {@link #readJsonLines}). */
    private record SplitCount(String path, long start, long lines) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Reads UTF-8 JSON Lines files (a file, a directory or a glob) as {@link Schemas#INPUT} rows with
     * the file and the 1-based line number of every line, including blank lines and lines that are not
     * UTF-8 (those are rejected later, with their line, never dropped). Lines end at {@code \n}; a
     * {@code \r} before it is ignored by the JSON reader. Two passes over the input: the first counts the
     * lines of each split so that the second can number them.
     *
     * @param spark the session
     * @param path where the files are (any Hadoop file system URI)
     * @return one row per line
     */
    public static Dataset<Row> readJsonLines(SparkSession spark, String path) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        JavaNewHadoopRDD<LongWritable, Text> files = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(
                path, TextInputFormat.class, LongWritable.class, Text.class, conf);
        List<SplitCount> counts = files.mapPartitionsWithInputSplit((split, it) -> {
            FileSplit fs = (FileSplit) split;
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return List.of(new SplitCount(fs.getPath().toString(), fs.getStart(), n)).iterator();
        }, true).collect();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, List<SplitCount>> byFile = counts.stream().collect(Collectors.groupingBy(SplitCount::path));
        byFile.forEach((file, splits) -> {
            List<SplitCount> sorted = new ArrayList<>(splits);
            sorted.sort(Comparator.comparingLong(SplitCount::start));
            long next = 1;
            for (SplitCount c : sorted) {
                firstLine.put(c.path() + "@" + c.start(), next);
                next += c.lines();
            }
        });
        Broadcast<Map<String, Long>> first = jsc.broadcast(firstLine);
        JavaRDD<Row> rows = files.mapPartitionsWithInputSplit((split, it) -> {
            FileSplit fs = (FileSplit) split;
            String file = fs.getPath().toString();
            long start = first.value().get(file + "@" + fs.getStart());
            return new java.util.Iterator<Row>() {
                long line = start;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Tuple2<LongWritable, Text> t = it.next();
                    return decode(file, line++, t._2());
                }
            };
        }, true);
        return spark.createDataFrame(rows, Schemas.INPUT);
    }

    /**
     * One line's row: its text, or why it is not UTF-8, in the words and with the byte {@code credit decide}
     * names ({@link Utf8#lineNotUtf8}); a byte-order mark at the start of a file is dropped, as there.
     */
    static Row decode(String file, long line, Text text) {
        byte[] b = text.getBytes();
        int start = line == 1 && Utf8.hasBom(b, 0, text.getLength()) ? 3 : 0;
        int len = text.getLength() - start;
        int bad = Utf8.malformedOffset(b, start, len);
        if (bad >= 0) {
            return RowFactory.create(file, line, null, Utf8.lineNotUtf8(start + bad + 1, b[start + bad]));
        }
        return RowFactory.create(file, line, new String(b, start, len, StandardCharsets.UTF_8), null);
    }
}
