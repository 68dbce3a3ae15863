package org.creditkit.rules;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.kie.api.runtime.KieSession;

/**
 * The pooled sessions of a {@link CompiledRuleSet}, each with the {@link FiringGuard} its decisions reuse. A
 * {@link ConcurrentLinkedQueue} allocates a node on every offer (about 24 bytes a decision): the pool keeps
 * sessions in a fixed array of slots, each taken by a compare-and-set from the lane to null (so one thread
 * at a time holds a lane) and given back by a compare-and-set from null, with the queue behind it for lanes
 * beyond the slots. The volatile semantics of both hand a lane's state from one thread to the next.
 */
final class SessionPool {

    /** A session and the guard of its decisions, used by one thread at a time. */
    static final class Lane {
        final KieSession session;
        final FiringGuard guard;

        Lane(KieSession session, FiringGuard guard) {
            this.session = session;
            this.guard = guard;
        }
    }

    private final AtomicReferenceArray<Lane> slots;
    private final Queue<Lane> overflow = new ConcurrentLinkedQueue<>();

    /** A pool of {@code 2 x} the available processors' slots, 4 to 64. */
    SessionPool() {
        slots = new AtomicReferenceArray<>(Math.max(4, Math.min(64, 2 * Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Takes a lane.
     *
     * @return a lane no other thread holds, or null when the pool is empty
     */
    Lane poll() {
        for (int i = 0; i < slots.length(); i++) {
            Lane lane = slots.get(i);
            if (lane != null && slots.compareAndSet(i, lane, null)) {
                return lane;
            }
        }
        return overflow.poll();
    }

    /**
     * Gives a lane back (or a new one).
     *
     * @param lane a lane the caller holds and no longer uses
     */
    void offer(Lane lane) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, lane)) {
                return;
            }
        }
        overflow.offer(lane);
    }
}
