package org.creditkit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.creditkit.core.domain.Product;
import org.creditkit.core.codes.SizeClass;

/** Test inputs. */
final class Inputs {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private Inputs() {
    }

    /** A clean, low-risk small manufacturer asking for 800,000 CNY over 12 months. */
    static RuleInput.Builder clean(String id) {
        return RuleInput.builder(id, TODAY)
                .product(Product.GENERAL)
                .requested(new BigDecimal("800000"), 12)
                .consent(true)
                .industry("C", "C34")
                .sizeClass(SizeClass.SMALL)
                .annualRevenue(new BigDecimal("12000000"))
                .annualTaxPaid(new BigDecimal("300000"))
                .score(0.012, 742.0, "AA");
    }
}
