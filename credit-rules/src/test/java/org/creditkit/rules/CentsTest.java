package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CentsTest {

    private static BigDecimal halfUpReference(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal timesReference(BigDecimal amount, double rate) {
        return amount.multiply(BigDecimal.valueOf(rate)).setScale(2, RoundingMode.HALF_UP);
    }

    private static void assertHalfUp(double v) {
        BigDecimal got = Cents.halfUp(v);
        BigDecimal want = halfUpReference(v);
        assertThat(got).as("halfUp(%s)", v).isEqualTo(want); // equals: same value and scale
        assertThat(got.toPlainString()).isEqualTo(want.toPlainString());
    }

    private static void assertTimes(BigDecimal amount, double rate) {
        BigDecimal got = Cents.times(amount, rate);
        BigDecimal want = timesReference(amount, rate);
        assertThat(got).as("times(%s, %s)", amount, rate).isEqualTo(want);
    }

    @Test
    void halfUp_equalsBigDecimalValueOf_onRandomSumsAndOnEveryHalfCentNeighbourhood() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            assertHalfUp(r.nextDouble() * Math.pow(10, r.nextInt(12))); // 0 .. 1e11: fast path and beyond
            assertHalfUp(r.nextLong(10_000_000_000L) / 100.0);           // whole cents
        }
        for (int i = 0; i < 2_500; i++) {
            double half = (r.nextLong(1_000_000_000L) + 0.5) / 100.0;  // a half cent, and its neighbours
            double v = half;
            for (int k = 0; k < 80; k++) {
                v = Math.nextDown(v);
            }
            for (int k = 0; k < 160; k++) {
                assertHalfUp(v);
                v = Math.nextUp(v);
            }
        }
        for (double v : new double[] {0.0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, 1e-320, Double.MIN_VALUE,
                21_474_836.475, 21_474_836.48, 1e15 + 0.5, Double.MAX_VALUE}) {
            assertHalfUp(v);
        }
    }

    @Test
    void times_equalsTheBigDecimalProduct_onRandomExposuresAndRates_andNearHalfCents() {
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(r.nextLong(1L, 100_000_000_000L >> r.nextInt(30)), 2);
            assertTimes(amount, r.nextDouble() * (r.nextBoolean() ? 1 : Math.pow(10, -r.nextInt(8))));
        }
        for (int i = 0; i < 5_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(r.nextLong(1L, 100_000_000_000L >> r.nextInt(30)), 2);
            double rate = r.nextDouble() * (r.nextBoolean() ? 1 : Math.pow(10, -r.nextInt(8)));
            // a rate that puts the product on a half cent, and its neighbours
            double cents = amount.movePointRight(2).doubleValue();
            double onHalf = (Math.floor(cents * rate) + 0.5) / cents;
            double q = onHalf;
            for (int k = 0; k < 40; k++) {
                q = Math.nextDown(q);
            }
            for (int k = 0; k < 80; k++) {
                if (q >= 0 && q <= 1) {
                    assertTimes(amount, q);
                }
                q = Math.nextUp(q);
            }
        }
        for (double rate : new double[] {0.0, 1.0, 0.5, 0.005, 1e-300, Double.MIN_VALUE}) {
            assertTimes(new BigDecimal("12345.67"), rate);
            assertTimes(new BigDecimal("0.01"), rate);
            assertTimes(new BigDecimal("99999999999.99"), rate); // beyond the fast path
        }
        assertTimes(new BigDecimal("100.5"), 0.37); // another scale goes the BigDecimal way
    }
}
