package org.creditkit.core.codes;

import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import java.util.Objects;

/**
 * A GB/T 2260 administrative division code (six digits), with the province it belongs to and that
 * province's economic zone. The code is current ({@link RegionCatalogue#EDITION}) or retired with a
 * known history ({@link #retirement()}): whether a retired code may be used depends on the date it is
 * used for, which the strict reader checks against the application time.
 *
 * @param code the six-digit code, e.g. {@code 310115}
 */
public record RegionCode(String code) {

    /** @throws CreditDataException if not six digits of a current or known retired code */
    public RegionCode {
        Objects.requireNonNull(code, "code");
        String problem = RegionCatalogue.problem(code);
        if (problem != null) {
            throw new CreditDataException(List.of(Problem.of("", problem)));
        }
    }

    /**
     * Parses and validates a code.
     *
     * @param code six digits, e.g. {@code 310115}
     * @return the code
     * @throws CreditDataException if not six digits of a current or known retired code
     */
    public static RegionCode of(String code) {
        return new RegionCode(code);
    }

    /**
     * When the code is no longer in the current list: the year it was retired and its successors.
     *
     * @return the retirement; empty for a current code
     */
    public java.util.Optional<RegionCatalogue.Retirement> retirement() {
        return RegionCatalogue.retirement(code);
    }

    /** The two-digit province code, e.g. {@code 31}. */
    public String provinceCode() {
        return code.substring(0, 2);
    }

    /** The province's English name, e.g. {@code Shanghai}. */
    public String province() {
        return RegionCatalogue.provinceName(provinceCode());
    }

    /** The province's economic zone. */
    public EconomicZone zone() {
        return RegionCatalogue.zone(provinceCode());
    }

    @Override
    public String toString() {
        return code;
    }
}
