package org.creditkit.rules;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.score.ReasonCode;

/**
 * A mapped input's score reasons, each with the lineage of its feature's sources in the application, made
 * when the list is first read: a decision reads only their codes (to order its reasons), and the four
 * {@link Reason}s with their lineage lists and entries were about 0.35 KB of every decision. The first
 * {@link #get} (an iterator, {@code equals}, {@code hashCode} and {@code toString} all go through it) makes
 * every reason at once, under the list's lock, and drops the application, so the list is afterwards what
 * {@link RuleInputMapper} used to build at once.
 *
 * <p>Immutable ({@link AbstractList} refuses every change) and thread-safe: the reasons are published by a
 * volatile write and read after a volatile read. Equal to, and with the same hash code as, any list of the
 * same reasons, as {@link java.util.List} requires.
 */
final class ScoreReasons extends AbstractList<Reason> implements RandomAccess {

    private final List<ReasonCode> codes;
    /** The application the lineage is taken from; null once complete. */
    private LoanApplication app;
    private Reason[] reasons;
    private volatile boolean complete;

    /**
     * The reasons of {@code codes}, their lineage taken from {@code app} on first read.
     *
     * @param codes the score's reason codes (an immutable list: {@code ScoreResult} copies it)
     * @param app the application scored
     */
    ScoreReasons(List<ReasonCode> codes, LoanApplication app) {
        this.codes = codes;
        this.app = app;
    }

    /** The code of reason {@code index}, without making the reasons. */
    String code(int index) {
        return codes.get(index).code();
    }

    @Override
    public Reason get(int index) {
        Objects.checkIndex(index, codes.size());
        if (!complete) {
            complete();
        }
        return reasons[index];
    }

    @Override
    public int size() {
        return codes.size();
    }

    private synchronized void complete() {
        if (complete) {
            return;
        }
        Reason[] out = new Reason[codes.size()];
        for (int i = 0; i < out.length; i++) {
            ReasonCode r = codes.get(i);
            out[i] = new Reason(r.code(), r.text(), r.textZh(), SourceLineage.of(r.sources(), app));
        }
        reasons = out;
        app = null;
        complete = true;
    }
}
