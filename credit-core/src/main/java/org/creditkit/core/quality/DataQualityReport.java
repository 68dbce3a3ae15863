package org.creditkit.core.quality;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
        Set<DataQualityFlag> raised = findings.isEmpty() ? Set.of()
                : findings.stream().map(DataQualityFinding::flag).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(DataQualityFlag.class)));
        if (!raised.equals(flags)) {
            throw new IllegalArgumentException("flags " + flags + " must be those of the findings " + raised);
        }
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** A report from findings; the flags are derived. */
    public static DataQualityReport of(List<DataQualityFinding> findings) {
        if (findings.isEmpty()) {
            return CLEAN;
        }
        EnumSet<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
        findings.forEach(f -> flags.add(f.flag()));
        return new DataQualityReport(flags, findings);
    }

    /** True when there is no finding. */
    public boolean isClean() {
        return findings.isEmpty();
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
