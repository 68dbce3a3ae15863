package org.creditkit.core.chain;

import java.util.Objects;
import org.creditkit.core.CreditDataException;

/**
 * A chained log is not one unbroken chain, so none of its lines may be used as evidence: its
 * problem names the first line altered, removed, inserted, reordered or cut short
 * ({@code file:line}). Thrown by readers of a trail before they use a line (see
 * {@link ChainReport#requireIntact(String)}); a command line reports it as a failed verification
 * (exit code 2), not as a usage error.
 */
public final class BrokenChainException extends CreditDataException {

    private static final long serialVersionUID = 1L;

    /** The verifier's report; not serialised with the exception. */
    private final transient ChainReport report;

    BrokenChainException(String what, ChainReport report, ChainProblem problem) {
        super(problem.location(), what + " is not one unbroken chain, so nothing was read from it: "
                + problem.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + problem.message()
                + " (run 'credit log verify' with the signer's public.pem for the full report)");
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * What the verifier found, up to the first problem.
     *
     * @return the report
     */
    public ChainReport report() {
        return report;
    }
}
