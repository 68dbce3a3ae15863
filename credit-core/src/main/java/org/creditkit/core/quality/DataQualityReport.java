package org.creditkit.core.quality;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The data-quality findings of one application. Immutable.
 *
 * @param flags    the flags raised (exactly those of the findings)
 * @param findings every finding, in check order (inconsistency, fluctuation, staleness, missing, timestamps)
 */
public record DataQualityReport(Set<DataQualityFlag> flags, List<DataQualityFinding> findings) {

    private static final DataQualityReport CLEAN = new DataQualityReport(Set.of(), List.of());

    /** @throws IllegalArgumentException if the flags are not exactly those of the findings */
    public DataQualityReport {
        Objects.requireNonNull(flags, "flags");
        findings = List.copyOf(findings);
        Set<DataQualityFlag> raised = SharedFlagSet.ofMask(mask(findings));
        if (!raised.equals(flags)) {
            throw new IllegalArgumentException("flags " + flags + " must be those of the findings " + raised);
        }
        flags = raised; // the shared set of these flags (DataQualityFlag.setOf)
    }

    /** The bit mask of the findings' flags' ordinals. */
    private static int mask(List<DataQualityFinding> findings) {
        int mask = 0;
        for (int i = 0; i < findings.size(); i++) {
            mask |= 1 << findings.get(i).flag().ordinal();
        }
        return mask;
    }

    /** A report from findings; the flags are derived. */
    public static DataQualityReport of(List<DataQualityFinding> findings) {
        if (findings.isEmpty()) {
            return CLEAN;
        }
        return new DataQualityReport(SharedFlagSet.ofMask(mask(findings)), findings);
    }

    /** True when there is no finding. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /**
     * The names of the flags raised, each once, in the order {@link DataQualityFlag} declares them (not
     * the order of the findings): what {@code credit score} writes as {@code dataQuality} and credit-spark
     * as its {@code dataQuality} column, so both say the same for the same application. Empty when clean.
     *
     * @return an unmodifiable list, shared between reports with the same flags
     */
    public List<String> flagNames() {
        return SharedFlagSet.names(flags);
    }

    /** True when {@code flag} was raised. */
    public boolean has(DataQualityFlag flag) {
        return flags.contains(flag);
    }

    /** The findings of one flag. */
    public List<DataQualityFinding> findings(DataQualityFlag flag) {
        return findings.stream().filter(f -> f.flag() == flag).toList();
    }
}
