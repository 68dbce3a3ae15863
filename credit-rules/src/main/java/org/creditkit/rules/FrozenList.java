package org.creditkit.rules;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list over the first {@code size} elements of an array the caller hands over and never writes
 * again: a decision's fired rules and trail. {@code List.of(array)} copies the array it is given, and the trail
 * went from its growable list to an array to that copy (about 0.13 KB a decision). {@link AbstractList} refuses
 * every change; equal to, and with the same hash code and text as, any list of the same elements.
 *
 * @param <E> the element type
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

    private final E[] elements;
    private final int size;

    /**
     * The first {@code size} elements of {@code elements}, none of them null.
     *
     * @param elements the array (not copied: the caller hands it over)
     * @param size how many of its elements are in the list
     */
    FrozenList(E[] elements, int size) {
        Objects.checkFromToIndex(0, size, elements.length);
        for (int i = 0; i < size; i++) {
            Objects.requireNonNull(elements[i]);
        }
        this.elements = elements;
        this.size = size;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        return elements[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(Objects.requireNonNull(o)) >= 0; // as List.of: no nulls in, none looked for
    }

    @Override
    public int indexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = 0; i < size; i++) {
            if (o.equals(elements[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        Objects.requireNonNull(o);
        for (int i = size - 1; i >= 0; i--) {
            if (o.equals(elements[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The rule names of the first {@code size} verdicts of a trail whose rules are all different (a decision's
     * fired rules, each once in firing order, are then its trail's rules): no array of names per decision.
     */
    static final class RuleNames extends AbstractList<String> implements RandomAccess {
        private final RuleVerdict[] trail;
        private final int size;

        /**
         * The names of the first {@code size} verdicts' rules.
         *
         * @param trail the verdicts (not copied: the caller hands the array over), no two of the same rule
         * @param size how many are in the list
         */
        RuleNames(RuleVerdict[] trail, int size) {
            Objects.checkFromToIndex(0, size, trail.length);
            this.trail = trail;
            this.size = size;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, size);
            return trail[index].rule();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(Objects.requireNonNull(o)) >= 0;
        }

        @Override
        public int indexOf(Object o) {
            Objects.requireNonNull(o);
            for (int i = 0; i < size; i++) {
                if (o.equals(trail[i].rule())) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o); // the names are all different
        }
    }
}
