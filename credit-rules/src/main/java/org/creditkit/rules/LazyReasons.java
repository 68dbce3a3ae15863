package org.creditkit.rules;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A decision's reasons whose rule reasons are given their lineage when the list is first read: most
 * decisions are never explained, and the lineage of a decision's rule reasons (a {@link Reason} copy and
 * a list per rule reason, the application's source entries) was about 0.7 KB of the 7.2 KB a decision
 * allocated. The first call to {@link #get} (an iterator, {@code equals}, {@code hashCode} and
 * {@code toString} all go through it) completes every reason at once, under the list's lock, and
 * drops what it was completed from (the application's lineage, which holds the application), so
 * the list is afterwards what an eager one would have been.
 *
 * <p>Immutable ({@link AbstractList} refuses every change) and thread-safe: the completed reasons
 * are published by a volatile write, and read after a volatile read. Equal to, and with the same
 * hash code as, any list of the same reasons, as {@link java.util.List} requires.
 */
final class LazyReasons extends AbstractList<Reason> implements RandomAccess {

    private final Reason[] reasons;
    private final int size;
    /** Per index, what the reason's lineage is made of; null for a reason kept as it is. Null once complete. */
    private InputLineage.Plan[] plans;
    /** The application's lineage; null once complete (so the decision no longer holds the application). */
    private InputLineage lineage;
    private volatile boolean complete;

    /**
     * A list of the first {@code size} reasons, those with a plan to be given its lineage on first read.
     *
     * @param reasons the reasons (not copied: the caller hands the array over)
     * @param plans per index, the plan of a rule reason to complete, or null
     * @param size how many of the reasons are in the list
     * @param lineage the application's lineage (used under this list's lock only)
     */
    LazyReasons(Reason[] reasons, InputLineage.Plan[] plans, int size, InputLineage lineage) {
        this.reasons = reasons;
        this.plans = plans;
        this.size = size;
        this.lineage = lineage;
    }

    @Override
    public Reason get(int index) {
        Objects.checkIndex(index, size);
        if (!complete) {
            complete();
        }
        return reasons[index];
    }

    @Override
    public int size() {
        return size;
    }

    private synchronized void complete() {
        if (complete) {
            return;
        }
        for (int i = 0; i < size; i++) {
            InputLineage.Plan plan = plans[i];
            if (plan != null) {
                Reason r = reasons[i];
                reasons[i] = new Reason(r.code(), r.en(), r.zh(), lineage.of(plan));
            }
        }
        plans = null;
        lineage = null;
        complete = true;
    }
}
