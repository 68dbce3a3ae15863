package org.creditkit.rules;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.creditkit.core.domain.DataSource;

/**
 * The shared immutable sets of data sources that {@link RuleInput#missingSources()} holds: one per combination,
 * made on first use and indexed by the bit mask of the sources' ordinals, each with its hash code computed once.
 * A mapped input copied the score's missing sources into an {@code EnumSet} twice and wrapped one (about 85 bytes
 * on most decisions). Equal to, with the same hash code, text and (enum) order as, an unmodifiable
 * {@code EnumSet} of the same sources.
 */
final class SharedSourceSet extends AbstractSet<DataSource> {

    private static final DataSource[] SOURCES = DataSource.values();
    /**
     * Per mask, its set once made. Racy but safe: a set is immutable and its fields final, so a thread sees
     * either null (and makes an equal set) or a complete set.
     */
    private static final SharedSourceSet[] BY_MASK = new SharedSourceSet[1 << SOURCES.length];

    private final Set<DataSource> sources;
    private final int hash;

    private SharedSourceSet(EnumSet<DataSource> sources) {
        this.sources = Collections.unmodifiableSet(sources);
        this.hash = sources.hashCode();
    }

    /**
     * The shared set of {@code sources}.
     *
     * @param sources the sources (a set, or a list such as a score's missing sources)
     * @return the shared set; {@code Set.of()} when empty
     * @throws NullPointerException when a source is null
     */
    static Set<DataSource> of(Collection<DataSource> sources) {
        if (sources instanceof SharedSourceSet shared) {
            return shared;
        }
        int mask = 0;
        if (sources instanceof List<DataSource> list) {
            for (int i = 0; i < list.size(); i++) { // indexed: no iterator
                mask |= 1 << Objects.requireNonNull(list.get(i), "a data source must not be null").ordinal();
            }
        } else if (sources instanceof Set) {
            // contains per source: no iterator; a set holding a null is one element larger than its sources
            for (DataSource d : SOURCES) {
                if (sources.contains(d)) {
                    mask |= 1 << d.ordinal();
                }
            }
            if (Integer.bitCount(mask) != sources.size()) {
                throw new NullPointerException("a data source must not be null: " + sources);
            }
        } else {
            for (DataSource d : sources) {
                mask |= 1 << Objects.requireNonNull(d, "a data source must not be null").ordinal();
            }
        }
        if (mask == 0) {
            return Set.of();
        }
        SharedSourceSet set = BY_MASK[mask];
        if (set == null) {
            EnumSet<DataSource> s = EnumSet.noneOf(DataSource.class);
            for (DataSource d : SOURCES) {
                if ((mask & (1 << d.ordinal())) != 0) {
                    s.add(d);
                }
            }
            set = new SharedSourceSet(s);
            BY_MASK[mask] = set;
        }
        return set;
    }

    @Override
    public Iterator<DataSource> iterator() {
        return sources.iterator();
    }

    @Override
    public int size() {
        return sources.size();
    }

    @Override
    public boolean contains(Object o) {
        return sources.contains(o);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
