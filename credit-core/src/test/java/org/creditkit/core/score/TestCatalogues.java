package org.creditkit.core.score;

import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.FeatureCategory;
import org.creditkit.core.feature.FeatureDefinition;

/** Small custom catalogues for tests. */
public final class TestCatalogues {

    private TestCatalogues() {
    }

    /** Features f0..f{n-1}, each from TAX. */
    public static FeatureCatalogue of(int n) {
        List<FeatureDefinition> defs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            defs.add(new FeatureDefinition("f" + i, FeatureCategory.FINANCIAL_HEALTH, "Feature " + i, "特征" + i,
                    "ratio", "x" + i, List.of(i % 2 == 0 ? DataSource.TAX : DataSource.COURTS)));
        }
        return FeatureCatalogue.of("test/" + n, defs);
    }
}
