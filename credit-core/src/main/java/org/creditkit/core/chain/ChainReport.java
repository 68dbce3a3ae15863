package org.creditkit.core.chain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ChainVerifier} found.
 *
 * @param files the parts read, in chain order
 * @param lines lines that verified (up to the first problem)
 * @param records verified lines that are records (not headers or checkpoints)
 * @param checkpoints verified, correctly signed checkpoints
 * @param lastCheckpoint where the last verified checkpoint is ({@code file:line})
 * @param unsignedLines verified lines after the last verified checkpoint (not covered by a signature)
 * @param closed whether the log ends on its writer's closing checkpoint (always true of a log in the
 *     format before the hand-over, {@code creditkit-chain/1}, and of an unsigned one, which have no
 *     such checkpoint); false while a writer is still appending, after a crash, or when lines or
 *     whole parts were cut from the end down to a periodic checkpoint
 * @param problem the first problem, if any
 */
public record ChainReport(List<Path> files, long lines, long records, long checkpoints,
                          Optional<String> lastCheckpoint, long unsignedLines, boolean closed,
                          Optional<ChainProblem> problem) {

    /** Copies the list. */
    public ChainReport {
        files = List.copyOf(files);
        Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Whether the log is intact, every line is covered by a signed checkpoint and it ends where its
     * writer closed it.
     *
     * @return true when nothing is wrong
     */
    public boolean ok() {
        return problem.isEmpty() && unsignedLines == 0 && lines > 0 && closed;
    }

    /**
     * Whether the lines read form one unbroken chain (nothing altered, removed, inserted, reordered
     * or cut short), signed or not: what a reader of a trail needs before using its lines.
     *
     * @return true when there is no problem and at least one line
     */
    public boolean intact() {
        return problem.isEmpty() && lines > 0;
    }

    /**
     * This report, when the chain is {@link #intact() intact}.
     *
     * @param what what the log is, for the message, e.g. {@code "the decision trail decisions.jsonl"}
     * @return this report
     * @throws BrokenChainException naming the first bad line ({@code file:line}) when it is not
     *     intact; an empty log is not intact either
     */
    public ChainReport requireIntact(String what) {
        if (intact()) {
            return this;
        }
        ChainProblem p = problem.orElseGet(() -> new ChainProblem(ChainProblem.Kind.NOT_A_CHAIN,
                files.isEmpty() ? Path.of("(no file)") : files.get(0), 1, "the log is empty"));
        throw new BrokenChainException(what, this, p);
    }

    /**
     * A readable verdict: {@code OK ...} or {@code FAILED ...}, then what verified and whether the
     * tail is signed.
     *
     * @return lines of text
     */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        String name = files.isEmpty() ? "(no file)" : files.get(0).toString()
                + (files.size() > 1 ? " (+" + (files.size() - 1) + " more parts)" : "");
        if (ok()) {
            sb.append(String.format(Locale.ROOT, "OK %s: %,d lines (%,d records, %,d signed checkpoints) intact; "
                    + "every line is covered by a signed checkpoint%n", name, lines, records, checkpoints));
            return sb.toString();
        }
        if (problem.isPresent()) {
            ChainProblem p = problem.get();
            sb.append("FAILED ").append(p).append(System.lineSeparator());
        } else if (unsignedLines > 0) {
            sb.append("FAILED ").append(name).append(": the chain is intact but not all of it is signed")
                    .append(System.lineSeparator());
        } else {
            sb.append("FAILED ").append(name).append(": the chain is intact and signed but not closed: it ends on ")
                    .append(lastCheckpoint.map(c -> "the periodic checkpoint at " + c).orElse("no checkpoint"))
                    .append(", not on its writer's closing checkpoint (the writer is still appending or crashed,"
                            + " or lines or whole parts after it were removed)").append(System.lineSeparator());
        }
        sb.append(String.format(Locale.ROOT, "  verified: %,d lines (%,d records, %,d signed checkpoints)%s%n",
                lines, records, checkpoints, lastCheckpoint.map(c -> "; last signed checkpoint at " + c).orElse("")));
        if (unsignedLines > 0) {
            sb.append(String.format(Locale.ROOT, "  unsigned tail: the last %,d verified lines follow %s and no "
                            + "checkpoint signs them (the writer did not close: crash or cut; or a development log;"
                            + " whether lines or parts followed them cannot be told)%n",
                    unsignedLines, lastCheckpoint.map(c -> "the checkpoint at " + c).orElse("no checkpoint at all")));
        } else if (lines > 0) {
            sb.append("  no unsigned tail: every verified line is covered by a signed checkpoint")
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }
}
