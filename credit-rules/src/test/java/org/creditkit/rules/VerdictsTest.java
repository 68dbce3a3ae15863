package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    @Test
    void limitVerdict_isLimitAndThePlainAmount_forEveryScaleTwoAmount() {
        SplittableRandom random = new SplittableRandom(17L);
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            // amounts from cents to beyond 10^15 cents, where the verdict falls back to toPlainString
            long cents = random.nextLong(1L << random.nextInt(1, 63));
            BigDecimal a = BigDecimal.valueOf(cents, 2);
            assertThat(Verdicts.limitVerdict(a)).as("%s", a).isEqualTo("limit=" + a.toPlainString());
            checked++;
        }
        for (String edge : new String[] {"0.00", "0.05", "0.10", "1.00", "10.01", "999999999999.99", "9999999999999.99",
                "10000000000000.00", "123456789012345678901234.56"}) {
            BigDecimal a = new BigDecimal(edge);
            assertThat(Verdicts.limitVerdict(a)).isEqualTo("limit=" + edge);
        }
        // other scales than the limit's own go the long way, with the same text
        BigDecimal scaleThree = new BigDecimal("12.345");
        assertThat(Verdicts.limitVerdict(scaleThree)).isEqualTo("limit=12.345");
        assertThat(Verdicts.limitVerdict(new BigDecimal("1E+3").setScale(2, RoundingMode.DOWN))).isEqualTo("limit=1000.00");
        assertThat(checked).isEqualTo(200_000);
    }

    @Test
    void priceVerdict_isPriceAndTheRateAsADoubleWritesIt_alsoWhenRatesShareASlot() {
        SplittableRandom random = new SplittableRandom(23L);
        double[] grid = {0.0435, 0.0485, 0.0535, 0.0615, 0.0, 0.999999, 1e-7, 0.05 + 1e-17};
        for (int i = 0; i < 100_000; i++) {
            // a few rates seen again and again (a price grid) among many seen once, so slots are overwritten
            double rate = i % 3 == 0 ? random.nextDouble() : grid[random.nextInt(grid.length)];
            assertThat(Verdicts.priceVerdict(rate)).as("%s", rate).isEqualTo("price=" + rate);
        }
        assertThat(Verdicts.priceVerdict(0.0435)).isSameAs(Verdicts.priceVerdict(0.0435));
    }
}
