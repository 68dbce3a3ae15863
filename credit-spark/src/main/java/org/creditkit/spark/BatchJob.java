package org.creditkit.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.creditkit.core.CreditException;
import org.creditkit.core.quality.DataQualityFlag;
import org.creditkit.core.score.bundle.BundleLoader;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.RuleSetSource;

/**
 * The batch job: decide every application of a JSON Lines or Parquet input and write the decisions
 * and the rejected rows as Parquet, optionally with a fairness audit; or, with {@code --match}, match
 * every application against every product of the rule set.
 *
 * <pre>
 * spark-submit --class org.creditkit.spark.BatchJob credit-spark.jar \
 *     --in hdfs:///in/applications.jsonl --out hdfs:///out/run-2026-11-30 [--audit /reports/run-2026-11-30] \
 *     [--model bundle.signed.json --trust public.pem[,other.pem]] [--rules rules-dir] [--format jsonl|parquet]
 *     [--trail hdfs:///trail/run-2026-11-30 --log-key private.pem --pseudonym-key pseudonym.key]
 * spark-submit --class org.creditkit.spark.BatchJob credit-spark.jar --match \
 *     --in hdfs:///in/applications.jsonl --out hdfs:///out/match-2026-11-30 [--model ... --trust ...] [--rules rules-dir]
 * </pre>
 *
 * <p>A {@code --model} bundle is accepted only when signed by a {@code --trust} key
 * (docs/bundles.md), unless {@code --allow-unsigned} is given; the built-in bundle needs neither.
 *
 * <p>Writes {@code OUT/decisions} ({@link Schemas#DECISIONS}: with each score its confidence, missing
 * sources and data-quality flags, as {@code credit score} writes them; the summary counts the flags) and
 * {@code OUT/rejected}
 * ({@link Schemas#REJECTED}: file, line, id, every problem), and with {@code --trail} the masked decision
 * trail, one signed chain per partition ({@link TrailSpec}). With {@code --match} it writes
 * {@code OUT/matches} ({@link Schemas#MATCHES}: one row per application and product) and
 * {@code OUT/rejected} instead, and refuses {@code --audit} and {@code --trail}, which are about
 * decisions. Exit code: 0 every row decided; 1 some
 * rows rejected (the rest decided and written); 2 the audit's verdict is FAIL; 3 usage or unusable
 * input (missing option or file, output exists, bad or untrusted bundle, bad rules); 4 internal error.
 */
public final class BatchJob {

    /** Options that take no value. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--allow-unsigned", "--match");

    /** The options, each with its help text. */
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("--in", "PATH   applications: JSON Lines file/dir/glob, or Parquet (required)");
        OPTIONS.put("--out", "DIR   where decisions/ and rejected/ are written as Parquet; must not exist (required)");
        OPTIONS.put("--match", "  match every application against every product of the rule set's products.json "
                + "instead of deciding it: writes matches/ (one row per application and product) and rejected/");
        OPTIONS.put("--format", "jsonl|parquet   input format (default: parquet when --in ends in .parquet, else jsonl)");
        OPTIONS.put("--audit", "DIR   also audit fairness of the decisions and write report.html/json/md there");
        OPTIONS.put("--trail", "DIR   also write the masked, signed decision trail there: one chain per partition, "
                + "part-NNNNN.jsonl, each checked by 'credit log verify'; must not exist");
        OPTIONS.put("--log-key", "FILE   Ed25519 private key (private.pem of 'credit bundle keygen') that signs the "
                + "trail's checkpoints (with --trail)");
        OPTIONS.put("--pseudonym-key", "FILE   the operator's pseudonym key ('credit log keygen') (with --trail)");
        OPTIONS.put("--checkpoint-every", "N   trail records between signed checkpoints (default 1000)");
        OPTIONS.put("--model", "FILE   model bundle (default: the expert bundle)");
        OPTIONS.put("--trust", "FILE[,FILE...]   public keys (PEM) whose signatures on --model are trusted");
        OPTIONS.put("--allow-unsigned", "  accept an unsigned --model bundle (development only)");
        OPTIONS.put("--rules", "DIR   rule set (default: the built-in policy)");
        OPTIONS.put("--master", "URL   Spark master when not set by spark-submit (default local[*])");
    }

    private BatchJob() {
    }

    /**
     * Runs the job and exits with its code.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(run(args, null, System.out, System.err));
    }

    /** Usage or unusable input: exit code 3. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Runs the job.
     *
     * @param args the options
     * @param session a session to use, or null to get or create one
     * @param out where the summary goes
     * @param err where errors go
     * @return the exit code
     */
    static int run(String[] args, SparkSession session, PrintStream out, PrintStream err) {
        Map<String, String> opts;
        try {
            opts = parse(args);
        } catch (UsageException e) {
            err.println("credit-spark: " + e.getMessage());
            err.println(usage());
            return 3;
        }
        try {
            SparkSession spark = session != null ? session : session(opts.get("--master"));
            return run(spark, opts, out);
        } catch (UsageException e) {
            err.println("credit-spark: " + e.getMessage());
            return 3;
        } catch (CreditException e) {
            err.println("credit-spark: " + e.getMessage());
            return 3;
        } catch (RuntimeException e) {
            err.println("credit-spark: internal error: " + e);
            e.printStackTrace(err);
            return 4;
        }
    }

    private static int run(SparkSession spark, Map<String, String> opts, PrintStream out) {
        String in = opts.get("--in");
        String outDir = opts.get("--out");
        mustNotExist(spark, outDir, "--out");
        mustExist(spark, in);
        ModelBundle bundle = opts.containsKey("--model") ? loader(opts).read(Path.of(opts.get("--model")))
                : ModelBundle.defaultBundle();
        RuleSetSource rules = opts.containsKey("--rules") ? RuleSetSource.directory(Path.of(opts.get("--rules")))
                : RuleSetSource.defaultPolicy();
        String format = opts.getOrDefault("--format", in.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet"
                : "jsonl");
        Dataset<Row> input = switch (format) {
            case "jsonl" -> CreditSpark.readJsonLines(spark, in);
            case "parquet" -> spark.read().parquet(in);
            default -> throw new UsageException("--format " + format + ": must be jsonl or parquet");
        };
        CreditSpark credit = CreditSpark.of(spark, bundle, rules);
        String trailDir = opts.get("--trail");
        if (trailDir != null) {
            mustNotExist(spark, trailDir, "--trail");
            TrailSpec trail = TrailSpec.of(trailDir, Path.of(opts.get("--log-key")), Path.of(opts.get("--pseudonym-key")));
            if (opts.containsKey("--checkpoint-every")) {
                trail = trail.withCheckpointEvery(Integer.parseInt(opts.get("--checkpoint-every")));
            }
            credit = credit.withTrail(trail);
        }
        if (opts.containsKey("--match")) {
            return match(spark, credit, input, outDir, out);
        }
        BatchResult result = credit.decide(input).persist();
        try {
            result.results().write().parquet(outDir + "/decisions");
            result.rejected().write().parquet(outDir + "/rejected");
            Dataset<Row> decisions = spark.read().parquet(outDir + "/decisions");
            long decided = decisions.count();
            long rejected = spark.read().parquet(outDir + "/rejected").count();
            out.printf(Locale.ROOT, "%d rows: %d decided -> %s/decisions, %d rejected -> %s/rejected%n",
                    decided + rejected, decided, outDir, rejected, outDir);
            String flagged = flagged(decisions);
            if (!flagged.isEmpty()) {
                out.println("data-quality flags (column dataQuality) " + flagged);
            }
            printRejected(result, rejected, outDir, out);
            if (trailDir != null) {
                out.println(trailSummary(spark, trailDir, decided));
            }
            int code = rejected > 0 ? 1 : 0;
            if (opts.containsKey("--audit")) {
                code = Math.max(code, SparkAudit.runJobAudit(result.results(), Path.of(opts.get("--audit")), out));
            }
            return code;
        } finally {
            result.unpersist();
        }
    }

    /**
     * {@code --match}: writes {@code OUT/matches} and {@code OUT/rejected}, and says how many applications
     * were matched, their best offers by product and how many have none.
     */
    private static int match(SparkSession spark, CreditSpark credit, Dataset<Row> input, String outDir,
            PrintStream out) {
        BatchResult result = credit.match(input).persist();
        try {
            result.results().write().parquet(outDir + "/matches");
            result.rejected().write().parquet(outDir + "/rejected");
            Dataset<Row> matches = spark.read().parquet(outDir + "/matches");
            long rows = matches.count();
            // every matched application has one row per product, so any product's count is theirs
            long applications = matches.groupBy("product").count().collectAsList().stream()
                    .mapToLong(r -> r.getLong(1)).max().orElse(0);
            long rejected = spark.read().parquet(outDir + "/rejected").count();
            Map<String, Long> best = new java.util.TreeMap<>();
            for (Row r : matches.where("rank = 1").groupBy("product").count().collectAsList()) {
                best.put(r.getString(0), r.getLong(1));
            }
            long withOffer = best.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "%d rows: %d matched -> %s/matches (%d rows, one per application and product),"
                    + " %d rejected -> %s/rejected%n", applications + rejected, applications, outDir, rows, rejected,
                    outDir);
            out.printf(Locale.ROOT, "best offer by product %s; %d without any offer%n", best, applications - withOffer);
            printRejected(result, rejected, outDir, out);
            return rejected > 0 ? 1 : 0;
        } finally {
            result.unpersist();
        }
    }

    /**
     * {@code {STALE_SOURCE=3, ...}}: how many written rows carry each data-quality flag, in the flags' order
     * (as {@code credit score} summarises them), or empty when none does. Counted from what was written, so
     * the summary also shows that the flags reached the output.
     */
    static String flagged(Dataset<Row> written) {
        Map<DataQualityFlag, Long> counts = new java.util.EnumMap<>(DataQualityFlag.class);
        for (Row r : written.select(org.apache.spark.sql.functions.explode(written.col("dataQuality")).as("flag"))
                .groupBy("flag").count().collectAsList()) {
            counts.put(DataQualityFlag.valueOf(r.getString(0)), r.getLong(1));
        }
        if (counts.isEmpty()) {
            return "";
        }
        java.util.StringJoiner j = new java.util.StringJoiner(", ", "{", "}");
        counts.forEach((f, n) -> j.add(f.name() + "=" + n));
        return j.toString();
    }

    /** The first ten rejected rows, each with its file, line and problems. */
    private static void printRejected(BatchResult result, long rejected, String outDir, PrintStream out) {
        if (rejected > 0) {
            for (Row r : result.rejected().limit(10).collectAsList()) {
                out.println("  " + describe(r));
            }
            if (rejected > 10) {
                out.printf(Locale.ROOT, "  ... %d more in %s/rejected%n", rejected - 10, outDir);
            }
        }
    }

    /** How many trail parts were published, and how to verify them. */
    private static String trailSummary(SparkSession spark, String dir, long decided) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(new org.apache.hadoop.fs.Path(p, "_temporary"), true); // every task has published its part
            org.apache.hadoop.fs.FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(p, "part-*.jsonl"));
            int n = parts == null ? 0 : parts.length;
            return String.format(Locale.ROOT, "decision trail: %d decisions in %d signed chain(s) -> %s/part-*.jsonl"
                    + " (verify each: credit log verify %s/%s --key public.pem)", decided, n, dir, dir,
                    n > 0 ? parts[0].getPath().getName() : TrailSpec.partName(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The bundle loader of {@code --trust} and {@code --allow-unsigned}. */
    private static BundleLoader loader(Map<String, String> opts) {
        List<Path> keys = new ArrayList<>();
        if (opts.containsKey("--trust")) {
            for (String k : opts.get("--trust").split(",")) {
                if (!k.isBlank()) {
                    keys.add(Path.of(k.strip()));
                }
            }
        }
        BundleLoader loader = BundleLoader.standard().trust(TrustStore.read(keys));
        return opts.containsKey("--allow-unsigned") ? loader.allowUnsigned() : loader;
    }

    /** {@code file:line: $.path: message; ...} of a rejected row. */
    static String describe(Row r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.isNullAt(0) ? "?" : r.getString(0)).append(':').append(r.isNullAt(1) ? "?" : r.getLong(1));
        if (!r.isNullAt(2)) {
            sb.append(" (").append(r.getString(2)).append(')');
        }
        List<Row> problems = r.getList(3);
        String sep = ": ";
        for (Row p : problems) {
            sb.append(sep).append(p.getString(0)).append(": ").append(p.getString(1));
            sep = "; ";
        }
        return sb.toString();
    }

    private static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("creditkit batch");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    private static void mustNotExist(SparkSession spark, String path, String option) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(p)) {
                throw new UsageException(option + " " + path + ": already exists; give a new directory "
                        + "(the job never overwrites earlier decisions)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + path, e);
        }
    }

    private static void mustExist(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            org.apache.hadoop.fs.FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new UsageException("--in " + path + ": no such file or directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + path, e);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!OPTIONS.containsKey(name)) {
                throw new UsageException("unknown option '" + name + "'; the options are " + OPTIONS.keySet());
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (rest.isEmpty()) {
                    throw new UsageException(name + " needs a value: " + OPTIONS.get(name));
                }
                value = rest.remove(0);
            }
            if (opts.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        for (String required : List.of("--in", "--out")) {
            if (!opts.containsKey(required)) {
                throw new UsageException("missing " + required + " " + OPTIONS.get(required));
            }
        }
        boolean trail = opts.containsKey("--trail");
        for (String needs : List.of("--log-key", "--pseudonym-key", "--checkpoint-every")) {
            if (opts.containsKey(needs) && !trail) {
                throw new UsageException(needs + " is for the decision trail: give --trail DIR too");
            }
        }
        for (String key : List.of("--log-key", "--pseudonym-key")) {
            if (trail && !opts.containsKey(key)) {
                throw new UsageException("--trail needs " + key + " " + OPTIONS.get(key)
                        + " (the trail is never written unsigned or with a public pseudonym key)");
            }
        }
        if (opts.containsKey("--checkpoint-every")) {
            String n = opts.get("--checkpoint-every");
            if (!n.matches("[1-9][0-9]{0,8}")) {
                throw new UsageException("--checkpoint-every " + n + ": must be a whole number from 1 to 999999999");
            }
        }
        if (opts.containsKey("--match")) {
            for (String decisionOnly : List.of("--audit", "--trail")) {
                if (opts.containsKey(decisionOnly)) {
                    throw new UsageException(decisionOnly + " is for decisions, not --match: a match is an indication "
                            + "(no decision is taken, audited or logged); run the job without --match for that");
                }
            }
        }
        String format = opts.get("--format");
        if (format != null && !format.equals("jsonl") && !format.equals("parquet")) {
            throw new UsageException("--format " + format + ": must be jsonl or parquet");
        }
        return opts;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: spark-submit --class org.creditkit.spark.BatchJob credit-spark.jar "
                + "--in PATH --out DIR [options]\n");
        OPTIONS.forEach((k, v) -> sb.append("  ").append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }
}
