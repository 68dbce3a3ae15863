package org.creditkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataQualityFlagTest {

    private static EnumSet<DataQualityFlag> combination(int mask) {
        EnumSet<DataQualityFlag> s = EnumSet.noneOf(DataQualityFlag.class);
        for (DataQualityFlag f : DataQualityFlag.values()) {
            if ((mask & (1 << f.ordinal())) != 0) {
                s.add(f);
            }
        }
        return s;
    }

    @Test
    void setOf_everyCombination_equalsHashesAndReadsAsTheEnumSetAndIsShared() {
        for (int mask = 0; mask < 1 << DataQualityFlag.values().length; mask++) {
            EnumSet<DataQualityFlag> expected = combination(mask);
            Set<DataQualityFlag> shared = DataQualityFlag.setOf(expected);

            assertThat(shared).isEqualTo(expected).hasSameHashCodeAs(expected).hasToString(expected.toString());
            assertThat(expected).isEqualTo(shared);
            assertThat(new ArrayList<>(shared)).containsExactlyElementsOf(expected);
            assertThat(DataQualityFlag.setOf(new HashSet<>(expected))).isSameAs(shared);
            assertThat(DataQualityFlag.setOf(List.copyOf(expected))).isSameAs(shared);
            assertThat(DataQualityFlag.setOf(shared)).isSameAs(shared);
        }
    }

    @Test
    void setOf_refusesChangesAndNullFlags() {
        Set<DataQualityFlag> shared = DataQualityFlag.setOf(EnumSet.of(DataQualityFlag.STALE_SOURCE));

        assertThatThrownBy(() -> shared.add(DataQualityFlag.TIMESTAMP_ANOMALY)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> shared.iterator().remove()).isInstanceOf(RuntimeException.class);
        Set<DataQualityFlag> withNull = new HashSet<>(Arrays.asList(DataQualityFlag.STALE_SOURCE, null));
        assertThatThrownBy(() -> DataQualityFlag.setOf(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> DataQualityFlag.setOf(Arrays.asList(DataQualityFlag.STALE_SOURCE, null)))
                .isInstanceOf(NullPointerException.class);
    }
}
