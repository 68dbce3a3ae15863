package org.creditkit.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where one piece of data behind a reason came from: the source, the system that supplied it and
 * as of when it was current. Data the applicant supplied with the application (the application
 * itself, its market-supervision registration) has the system {@value #APPLICATION_SYSTEM} and the
 * application time.
 *
 * @param source the source class
 * @param system the supplying system, e.g. {@code sz-tax-gateway}
 * @param asOf when the data was current at that system
 */
public record SourceLineage(DataSource source, String system, Instant asOf) {

    /** The system named for data that came with the application itself. */
    public static final String APPLICATION_SYSTEM = "application";

    /** Checks the fields. */
    public SourceLineage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * The lineage of some sources in one application: the provenance of each present source record;
     * a source that is absent from the application is left out (it cannot have driven anything).
     *
     * @param sources the sources, e.g. a reason code's
     * @param application the application
     * @return one entry per source found, in the order given
     */
    public static List<SourceLineage> of(List<DataSource> sources, LoanApplication application) {
        List<SourceLineage> out = new ArrayList<>(sources.size());
        for (DataSource s : sources) {
            if (s == DataSource.APPLICATION || s == DataSource.MARKET_SUPERVISION) {
                out.add(new SourceLineage(s, APPLICATION_SYSTEM, application.applicationTime()));
                continue;
            }
            for (SourceRecord r : application.sources().present()) {
                if (r.source() == s) {
                    out.add(new SourceLineage(s, r.provenance().sourceSystem(), r.provenance().asOf()));
                }
            }
        }
        return out;
    }
}
