package org.creditkit.core.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Boundaries of every row of the 2011 standard (工信部联企业〔2011〕300号), as published: each class is
 * reached exactly at its thresholds ("及以上") and missed one employee or one fen below either of them.
 */
class SizeClassifierTest {

    private static final BigDecimal FEN = new BigDecimal("0.01");
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    /** What the row's two measures are: E employees, R revenue, A total assets. */
    enum Kind {
        /** employees and revenue. */
        ER,
        /** employees and total assets. */
        EA,
        /** revenue and total assets. */
        RA,
        /** revenue only. */
        R,
        /** employees only. */
        E
    }

    private static BigDecimal wan(long w) {
        return WAN.multiply(BigDecimal.valueOf(w));
    }

    /** Classifies with the first measure {@code a} and second {@code b} of the row kind; the rest 0 or huge. */
    private static SizeClass classify(Kind kind, String industry, BigDecimal a, BigDecimal b) {
        IndustryCode code = IndustryCode.of(industry);
        return switch (kind) {
            case ER -> SizeClassifier.classify(code, a.intValueExact(), b, BigDecimal.ZERO);
            case EA -> SizeClassifier.classify(code, a.intValueExact(), BigDecimal.ZERO, b);
            case RA -> SizeClassifier.classify(code, 0, a, b);
            case R -> SizeClassifier.classify(code, 0, b, BigDecimal.ZERO);
            case E -> SizeClassifier.classify(code, a.intValueExact(), BigDecimal.ZERO, BigDecimal.ZERO);
        };
    }

    /** One below a threshold: one employee, or one fen of an amount given in 万元. */
    private static BigDecimal below(Kind kind, int measure, BigDecimal v) {
        boolean employees = (kind == Kind.ER || kind == Kind.EA || kind == Kind.E) && measure == 0;
        return v.subtract(employees ? BigDecimal.ONE : FEN);
    }

    private static BigDecimal value(Kind kind, int measure, long threshold) {
        boolean employees = (kind == Kind.ER || kind == Kind.EA || kind == Kind.E) && measure == 0;
        return employees ? BigDecimal.valueOf(threshold) : wan(threshold);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            // kind, division, large (first, second), medium (first, second), small (first, second); amounts in 万元
            "R,  A01,   0, 20000, 0,   500, 0,  50",
            "R,  A05,   0, 20000, 0,   500, 0,  50",
            "ER, B06, 1000, 40000, 300, 2000, 20, 300",
            "ER, C39, 1000, 40000, 300, 2000, 20, 300",
            "ER, D44, 1000, 40000, 300, 2000, 20, 300",
            "RA, E47, 80000, 80000, 6000, 5000, 300, 300",
            "ER, F51,  200, 40000,  20, 5000,  5, 1000",
            "ER, F52,  300, 20000,  50,  500, 10, 100",
            "ER, G54, 1000, 30000, 300, 3000, 20, 200",
            "ER, G58, 1000, 30000, 300, 3000, 20, 200",
            "ER, G59,  200, 30000, 100, 1000, 20, 100",
            "ER, G60, 1000, 30000, 300, 2000, 20, 100",
            "ER, H61,  300, 10000, 100, 2000, 10, 100",
            "ER, H62,  300, 10000, 100, 2000, 10, 100",
            "ER, I63, 2000, 100000, 100, 1000, 10, 100",
            "ER, I64, 2000, 100000, 100, 1000, 10, 100",
            "ER, I65,  300, 10000, 100, 1000, 10, 50",
            "RA, K70, 200000, 10000, 1000, 5000, 100, 2000",
            "EA, L71,  300, 120000, 100, 8000, 10, 100",
            "EA, L72,  300, 120000, 100, 8000, 10, 100",
            "E,  G53,  300, 0, 100, 0, 10, 0",
            "E,  J66,  300, 0, 100, 0, 10, 0",
            "E,  M73,  300, 0, 100, 0, 10, 0",
            "E,  O80,  300, 0, 100, 0, 10, 0",
            "E,  P83,  300, 0, 100, 0, 10, 0",
            "E,  Q84,  300, 0, 100, 0, 10, 0",
            "E,  S94,  300, 0, 100, 0, 10, 0"})
    void classify_atAndJustBelowEachThreshold_followsTheStandard(Kind kind, String division, long large1,
                                                                 long large2, long medium1, long medium2,
                                                                 long small1, long small2) {
        long[][] thresholds = {{large1, large2}, {medium1, medium2}, {small1, small2}};
        SizeClass[] classes = {SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL, SizeClass.MICRO};
        boolean twoMeasures = kind == Kind.ER || kind == Kind.EA || kind == Kind.RA;
        int single = kind == Kind.R ? 1 : 0;
        for (int c = 0; c < 3; c++) {
            BigDecimal a = value(kind, 0, thresholds[c][0]);
            BigDecimal b = value(kind, 1, thresholds[c][1]);
            assertThat(classify(kind, division, a, b)).as("%s at %s thresholds", division, classes[c])
                    .isEqualTo(classes[c]);
            if (twoMeasures) {
                assertThat(classify(kind, division, below(kind, 0, a), b))
                        .as("%s one below the first %s threshold", division, classes[c]).isEqualTo(classes[c + 1]);
                assertThat(classify(kind, division, a, below(kind, 1, b)))
                        .as("%s one below the second %s threshold", division, classes[c]).isEqualTo(classes[c + 1]);
            } else if (single == 0) {
                assertThat(classify(kind, division, below(kind, 0, a), b))
                        .as("%s one below the %s threshold", division, classes[c]).isEqualTo(classes[c + 1]);
            } else {
                assertThat(classify(kind, division, a, below(kind, 1, b)))
                        .as("%s one below the %s threshold", division, classes[c]).isEqualTo(classes[c + 1]);
            }
        }
        assertThat(classify(kind, division, BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(SizeClass.MICRO);
    }

    @Test
    void classify_manyEmployeesButLittleRevenue_isMicroInIndustry() {
        // "从业人员20人以下或营业收入300万元以下的为微型企业": either measure below the small threshold is micro
        assertThat(SizeClassifier.classify(IndustryCode.of("C13"), 5000, wan(299), BigDecimal.ZERO))
                .isEqualTo(SizeClass.MICRO);
    }

    @Test
    void classify_employeesDoNotCountForConstruction() {
        assertThat(SizeClassifier.classify(IndustryCode.of("E48"), 100_000, wan(299), wan(100_000)))
                .isEqualTo(SizeClass.MICRO);
    }

    @Test
    void classify_negativeInput_isRejected() {
        assertThatThrownBy(() -> SizeClassifier.classify(IndustryCode.of("C39"), -1, BigDecimal.ZERO,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeClassifier.classify(IndustryCode.of("C39"), 1, BigDecimal.ONE.negate(),
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
