package org.creditkit.core.feature;

import java.util.Collection;
import java.util.Locale;
import org.creditkit.core.domain.DataSource;

/**
 * The three levels of public-data openness of the platform documents (数据开放分级): public
 * (无条件开放), conditionally open (有条件开放: to the subject and to institutions it authorised) and
 * not open (不予开放: inside the institution that holds it). Declared per {@link DataSource} by
 * {@link #of(DataSource)} and per field in the feature catalogue ({@link FeatureDefinition#openness()}),
 * where a field is never more open than the least open source in its lineage. Ordered from most to
 * least open.
 */
public enum Openness {
    /** Open to anyone: registration, court and penalty records, patents (无条件开放). */
    PUBLIC("public", "无条件开放"),
    /** Open to the subject and institutions it authorised: tax, social insurance, utilities ... (有条件开放). */
    CONDITIONAL("conditionally open", "有条件开放"),
    /** Not opened outside the holder: bank credit history, third-party supply-chain data (不予开放). */
    NOT_OPEN("not open", "不予开放");

    private final String english;
    private final String chinese;

    Openness(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /**
     * The declared openness of a source.
     *
     * @param source the source
     * @return its level
     */
    public static Openness of(DataSource source) {
        return switch (source) {
            case MARKET_SUPERVISION, COURTS, PENALTIES, INTELLECTUAL_PROPERTY -> PUBLIC;
            case APPLICATION, TAX, SOCIAL_INSURANCE, UTILITIES, CUSTOMS, FINANCIAL_STATEMENTS, CARBON -> CONDITIONAL;
            case BANK_CREDIT, SUPPLY_CHAIN -> NOT_OPEN;
        };
    }

    /**
     * The least open level of some sources (of a feature's lineage).
     *
     * @param sources at least one source
     * @return the strictest level among them
     */
    public static Openness strictest(Collection<DataSource> sources) {
        Openness o = PUBLIC;
        for (DataSource s : sources) {
            Openness l = of(s);
            if (l.ordinal() > o.ordinal()) {
                o = l;
            }
        }
        return o;
    }

    /**
     * English name.
     *
     * @return e.g. {@code conditionally open}
     */
    public String english() {
        return english;
    }

    /**
     * Chinese name.
     *
     * @return e.g. {@code 有条件开放}
     */
    public String chinese() {
        return chinese;
    }

    /**
     * The level of a spelling of {@link #label()}.
     *
     * @param label e.g. {@code conditional}, {@code not-open}
     * @return the level, or empty when the label names none
     */
    public static java.util.Optional<Openness> parse(String label) {
        for (Openness o : values()) {
            if (o.label().equals(label)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The command-line spelling.
     *
     * @return e.g. {@code conditional}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
