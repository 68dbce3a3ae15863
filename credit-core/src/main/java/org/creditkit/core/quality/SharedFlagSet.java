package org.creditkit.core.quality;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shared immutable sets of {@link DataQualityFlag#setOf}: one per combination of flags, indexed by
 * the bit mask of their ordinals, each with its text and hash code computed once.
 */
final class SharedFlagSet extends AbstractSet<DataQualityFlag> {

    private static final DataQualityFlag[] FLAGS = DataQualityFlag.values();
    private static final Set<?>[] BY_MASK = new Set<?>[1 << FLAGS.length];

    static {
        BY_MASK[0] = Set.of();
        for (int mask = 1; mask < BY_MASK.length; mask++) {
            EnumSet<DataQualityFlag> flags = EnumSet.noneOf(DataQualityFlag.class);
            for (DataQualityFlag f : FLAGS) {
                if ((mask & (1 << f.ordinal())) != 0) {
                    flags.add(f);
                }
            }
            BY_MASK[mask] = new SharedFlagSet(flags);
        }
    }

    private final Set<DataQualityFlag> flags;
    private final String text;
    private final int hash;
    /** The flags' names in declaration order, computed once. */
    private final List<String> names;

    private SharedFlagSet(EnumSet<DataQualityFlag> flags) {
        this.flags = Collections.unmodifiableSet(flags);
        this.text = flags.toString();
        this.hash = flags.hashCode();
        this.names = flags.stream().map(Enum::name).toList();
    }

    /** The names of the flags of a shared set (see {@link DataQualityReport#flagNames()}). */
    static List<String> names(Set<DataQualityFlag> shared) {
        Set<DataQualityFlag> set = of(shared);
        return set instanceof SharedFlagSet s ? s.names : List.of();
    }

    /** The shared set of {@code flags}. */
    static Set<DataQualityFlag> of(Collection<DataQualityFlag> flags) {
        if (flags instanceof SharedFlagSet shared) {
            return shared;
        }
        int mask = 0;
        if (flags instanceof Set) {
            // contains per flag: no iterator; a set holding a null is one element larger than its flags
            for (DataQualityFlag f : FLAGS) {
                if (flags.contains(f)) {
                    mask |= 1 << f.ordinal();
                }
            }
            if (Integer.bitCount(mask) != flags.size()) {
                throw new NullPointerException("a data-quality flag must not be null: " + flags);
            }
        } else {
            for (DataQualityFlag f : flags) {
                mask |= 1 << Objects.requireNonNull(f, "a data-quality flag must not be null").ordinal();
            }
        }
        return ofMask(mask);
    }

    /** The shared set of the flags whose ordinals' bits are set in {@code mask}. */
    @SuppressWarnings("unchecked")
    static Set<DataQualityFlag> ofMask(int mask) {
        return (Set<DataQualityFlag>) BY_MASK[mask];
    }

    @Override
    public Iterator<DataQualityFlag> iterator() {
        return flags.iterator();
    }

    @Override
    public int size() {
        return flags.size();
    }

    @Override
    public boolean contains(Object o) {
        return flags.contains(o);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text;
    }
}
