package org.creditkit.core.domain;

import java.time.Instant;
import java.util.Arrays;
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
     * @return one entry per source found, in the order given (unmodifiable)
     */
    public static List<SourceLineage> of(List<DataSource> sources, LoanApplication application) {
        // called for every reason of every decision: no list of the present records, no growable list,
        // and a reason's one or two sources go straight into List.of
        SourceLineage first = null;
        SourceLineage second = null;
        SourceLineage[] all = null;
        int n = 0;
        for (int i = 0; i < sources.size(); i++) {
            DataSource s = sources.get(i);
            SourceLineage l;
            if (s == DataSource.APPLICATION || s == DataSource.MARKET_SUPERVISION) {
                l = new SourceLineage(s, APPLICATION_SYSTEM, application.applicationTime());
            } else {
                SourceRecord r = application.sources().recordOrNull(s);
                if (r == null) {
                    continue;
                }
                l = new SourceLineage(s, r.provenance().sourceSystem(), r.provenance().asOf());
            }
            if (n == 0) {
                first = l;
            } else if (n == 1) {
                second = l;
            } else {
                if (all == null) {
                    all = new SourceLineage[sources.size()];
                    all[0] = first;
                    all[1] = second;
                }
                all[n] = l;
            }
            n++;
        }
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(first);
            case 2 -> List.of(first, second);
            default -> List.of(Arrays.copyOf(all, n));
        };
    }
}
