package org.creditkit.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of credit-spark's outputs (documented column by column in {@code docs/spark.md}).
 * Every decision row carries where it came from ({@code source}, {@code line}), the group attributes
 * the fairness audit uses, the offer, the score and the audit trail; every rejected row carries where
 * it came from and every problem.
 */
public final class Schemas {

    /** Approved amounts: CNY with two decimals, up to 10^18. */
    public static final DataType AMOUNT = DataTypes.createDecimalType(20, 2);

    /** A problem: JSON path (or {@code $}) and what is wrong. */
    public static final StructType PROBLEM = struct(
            field("location", DataTypes.StringType), field("message", DataTypes.StringType));

    /** Where the data behind a score reason came from: source, system, as-of instant (ISO-8601). */
    public static final StructType LINEAGE = struct(
            field("source", DataTypes.StringType), field("system", DataTypes.StringType),
            field("asOf", DataTypes.StringType));

    /** A reason: code, English, Chinese, lineage (empty for a rule reason). */
    public static final StructType REASON = struct(
            field("code", DataTypes.StringType), field("en", DataTypes.StringType), field("zh", DataTypes.StringType),
            field("lineage", DataTypes.createArrayType(LINEAGE)));

    /** The expected loss of the offer (or of the request, for a decline). */
    public static final StructType EXPECTED_LOSS = struct(
            field("pd", DataTypes.DoubleType), field("termPd", DataTypes.DoubleType), field("lgd", DataTypes.DoubleType),
            field("ead", AMOUNT), field("expectedLoss", AMOUNT), field("expectedLossRate", DataTypes.DoubleType));

    /**
     * A score reason code: code, feature, points lost, data sources, and whether the reason is that the
     * feature's data is missing ({@code missingData}, as {@code credit score} writes it).
     */
    public static final StructType SCORE_REASON = struct(
            field("code", DataTypes.StringType), field("featureId", DataTypes.StringType),
            field("pointsLost", DataTypes.DoubleType), field("sources", strings()),
            field("missingData", DataTypes.BooleanType));

    /** One fired rule's verdict and its reason. */
    public static final StructType VERDICT = struct(
            field("rule", DataTypes.StringType), field("verdict", DataTypes.StringType),
            field("code", DataTypes.StringType), field("en", DataTypes.StringType), field("zh", DataTypes.StringType));

    /** Where a row came from and the audit attributes of its application (leading columns of scores and decisions). */
    static final StructField[] HEAD = {
        field("source", DataTypes.StringType),
        field("line", DataTypes.LongType),
        field("applicationId", DataTypes.StringType),
        field("product", DataTypes.StringType),
        field("industrySection", DataTypes.StringType),
        field("industryDivision", DataTypes.StringType),
        field("zone", DataTypes.StringType),
        field("province", DataTypes.StringType),
        field("sizeClass", DataTypes.StringType),
        field("ownership", DataTypes.StringType),
        field("defaulted12m", DataTypes.BooleanType),
    };

    /**
     * The score columns, with what {@code credit score} writes beside the number: what the reasons are
     * measured against ({@code reasonBasis}), how much of the score rests on present data
     * ({@code confidence}, {@code missingSources}) and the data-quality flags ({@code dataQuality}).
     */
    static final StructField[] SCORE = {
        field("pd", DataTypes.DoubleType),
        field("logOdds", DataTypes.DoubleType),
        field("baseLogOdds", DataTypes.DoubleType),
        field("industryLogOdds", DataTypes.DoubleType),
        field("overlay", DataTypes.StringType),
        field("score", DataTypes.DoubleType),
        field("grade", DataTypes.StringType),
        field("gradeRank", DataTypes.IntegerType),
        field("scoreReasons", DataTypes.createArrayType(SCORE_REASON)),
        field("reasonBasis", DataTypes.StringType),
        field("confidence", DataTypes.DoubleType),
        field("missingSources", strings()),
        field("dataQuality", strings()),
        field("modelVersion", DataTypes.StringType),
        field("modelChecksum", DataTypes.StringType),
    };

    /** The offer and trail columns of a decision. */
    static final StructField[] OFFER = {
        field("tier", DataTypes.StringType),
        field("approved", DataTypes.BooleanType),
        field("approvedAmount", AMOUNT),
        field("approvedTermMonths", DataTypes.IntegerType),
        field("interestRate", DataTypes.DoubleType),
        field("conditions", strings()),
        field("expectedLoss", EXPECTED_LOSS),
        field("reasons", DataTypes.createArrayType(REASON)),
        field("firedRules", strings()),
        field("trail", DataTypes.createArrayType(VERDICT)),
        field("rulesetVersion", DataTypes.StringType),
        field("modelId", DataTypes.StringType),
    };

    /**
     * One eligibility criterion of a product applied to one application: its {@code products.json} key,
     * whether it is met, what was asked and found in English and Chinese.
     */
    public static final StructType CRITERION = struct(
            field("id", DataTypes.StringType), field("met", DataTypes.BooleanType),
            field("en", DataTypes.StringType), field("zh", DataTypes.StringType));

    /**
     * The leading columns of a match row: {@link #HEAD} with the application's own product named
     * {@code appliedProduct}, since {@code product} is the product matched.
     */
    static final StructField[] MATCH_HEAD = matchHead();

    /** The product columns of a match row. */
    static final StructField[] MATCH = {
        field("product", DataTypes.StringType),
        field("productNameEn", DataTypes.StringType),
        field("productNameZh", DataTypes.StringType),
        field("eligible", DataTypes.BooleanType),
        field("offered", DataTypes.BooleanType),
        field("rank", DataTypes.IntegerType),
        field("criteria", DataTypes.createArrayType(CRITERION)),
    };

    /** Scores: {@link #HEAD}, then the score columns. */
    public static final StructType SCORES = concat(HEAD, SCORE);

    /** Decisions: {@link #HEAD}, the score columns, then the offer and trail. */
    public static final StructType DECISIONS = concat(HEAD, SCORE, OFFER);

    /**
     * Product matches: one row per (application, product of the rule set's {@code products.json}),
     * offered or not: {@link #MATCH_HEAD}, the product, its eligibility and rank, then the decision under
     * that product (the offer and trail columns of {@link #DECISIONS}).
     */
    public static final StructType MATCHES = concat(MATCH_HEAD, MATCH, OFFER);

    /** Rejected rows: source, line, application id when it could be read, and every problem. */
    public static final StructType REJECTED = struct(
            field("source", DataTypes.StringType), field("line", DataTypes.LongType),
            field("applicationId", DataTypes.StringType), field("problems", DataTypes.createArrayType(PROBLEM)));

    /**
     * The normalised input: source, line, the JSON text, and why the text could not be read (for
     * example a line that is not UTF-8), null when it could.
     */
    public static final StructType INPUT = struct(
            field("source", DataTypes.StringType), field("line", DataTypes.LongType),
            field("value", DataTypes.StringType), field("error", DataTypes.StringType));

    private Schemas() {
    }

    /** What one pass produces: the output columns plus {@code problems} (null on a good row). */
    static StructType withProblems(StructType output) {
        return output.add(field("problems", DataTypes.createArrayType(PROBLEM)));
    }

    private static StructField[] matchHead() {
        StructField[] head = HEAD.clone();
        head[3] = field("appliedProduct", DataTypes.StringType);
        return head;
    }

    private static StructType concat(StructField[]... parts) {
        StructType t = new StructType();
        for (StructField[] part : parts) {
            for (StructField f : part) {
                t = t.add(f);
            }
        }
        return t;
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static ArrayType strings() {
        return DataTypes.createArrayType(DataTypes.StringType);
    }
}
