package org.creditkit.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The expected loss of a decision's exposure, EL = term PD x LGD x EAD, as the decision reports it.
 * For an approved or reviewed application it is the loss of the offer (after the mitigation measures
 * of a {@link Tier#MITIGATION} decision); for a declined one, the loss of the requested amount and
 * term without any measure (what the bank would have carried).
 *
 * @param pd the model's 12-month probability of default
 * @param termPd the probability of default over the term: {@code 1 - (1 - pd)^(term/12)}, after the
 *        risk-compensation fund's share when that measure applies
 * @param lgd loss given default assumed (unsecured LGD, reduced by collateral and guarantee cover)
 * @param ead exposure at default in CNY (the approved or requested amount), scale 2
 * @param expectedLoss the expected loss in CNY, scale 2
 * @param expectedLossRate {@code expectedLoss / ead} (0 when the exposure is 0)
 */
public record ExpectedLoss(double pd, double termPd, double lgd, BigDecimal ead, BigDecimal expectedLoss,
        double expectedLossRate) {

    /** Checks the fields. */
    public ExpectedLoss {
        Objects.requireNonNull(ead, "ead");
        Objects.requireNonNull(expectedLoss, "expectedLoss");
        if (!(pd >= 0 && pd <= 1 && termPd >= 0 && termPd <= 1 && lgd >= 0 && lgd <= 1)) {
            throw new IllegalArgumentException("ExpectedLoss: pd " + pd + ", termPd " + termPd + " and lgd " + lgd
                    + " must be in [0, 1]");
        }
    }
}
