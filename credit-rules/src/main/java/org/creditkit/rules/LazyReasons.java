package org.creditkit.rules;

import java.util.AbstractList;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A decision's reasons completed when the list is first read: the score reasons of a mapped input are taken
 * from its {@link ScoreReasons} then (made with their lineage on their own first read), and the rule reasons are
 * given the lineage of the inputs their rules read. Most decisions are never explained, and the lineage of a
 * decision's reasons (a {@link Reason} copy and a list per reason, the application's source entries) was about
 * 1 KB of a decision. The first call to {@link #get} (an iterator, {@code equals}, {@code hashCode} and
 * {@code toString} all go through it) completes every reason at once, under the list's lock, and drops what it
 * was completed from (the application's lineage, which holds the application), so the list is afterwards what an
 * eager one would have been.
 *
 * <p>Immutable ({@link AbstractList} refuses every change) and thread-safe: the completed reasons
 * are published by a volatile write, and read after a volatile read. Equal to, and with the same
 * hash code as, any list of the same reasons, as {@link java.util.List} requires.
 */
final class LazyReasons extends AbstractList<Reason> implements RandomAccess {

    private final Reason[] reasons;
    private final int size;
    /** The input's score reasons that fill the first {@link #fromScore} slots; null once complete. */
    private ScoreReasons scoreReasons;
    private final int fromScore;
    private final int firstRule;
    /** Per rule name, what its reasons' lineage is made of; null for none, and once complete. */
    private Map<String, InputLineage.Plan> plans;
    /** The application's lineage; null once complete (so the decision no longer holds the application). */
    private InputLineage lineage;
    private volatile boolean complete;

    /**
     * A list of the first {@code size} reasons.
     *
     * @param reasons the reasons (not copied: the caller hands the array over); the first {@code fromScore} slots
     *     empty, then the rule reasons (and the score reasons of an input that has no {@link ScoreReasons}), each
     *     of whose code is its rule's name
     * @param size how many of the reasons are in the list
     * @param scoreReasons the score reasons of the first {@code fromScore} slots, null when {@code fromScore} is 0
     * @param fromScore how many slots the score reasons fill, in their order
     * @param plans per rule name, what its reasons' lineage is made of (applied to the slots after those of the
     *     score reasons, {@code firstRule} on); null to keep those reasons as they are
     * @param firstRule the first slot of a rule reason
     * @param lineage the application's lineage (used under this list's lock only)
     */
    LazyReasons(Reason[] reasons, int size, ScoreReasons scoreReasons, int fromScore,
            Map<String, InputLineage.Plan> plans, int firstRule, InputLineage lineage) {
        this.reasons = reasons;
        this.size = size;
        this.scoreReasons = scoreReasons;
        this.fromScore = fromScore;
        this.plans = plans;
        this.firstRule = firstRule;
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
        for (int i = 0; i < fromScore; i++) {
            reasons[i] = scoreReasons.get(i);
        }
        if (plans != null) {
            for (int i = firstRule; i < size; i++) {
                Reason r = reasons[i];
                InputLineage.Plan plan = plans.get(r.code());
                if (plan != null) {
                    reasons[i] = new Reason(r.code(), r.en(), r.zh(), lineage.of(plan));
                }
            }
        }
        scoreReasons = null;
        plans = null;
        lineage = null;
        complete = true;
    }
}
