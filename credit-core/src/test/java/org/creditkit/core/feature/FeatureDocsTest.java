package org.creditkit.core.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeatureDocsTest {

    /** Tests run in the module directory; the docs live at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "features.md");

    @Test
    void docsFeaturesMd_isUpToDateWithTheCatalogue() throws IOException {
        String expected = FeatureDocs.markdown(FeatureCatalogue.standard());
        if (Boolean.getBoolean("creditkit.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/features.md exists").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/features.md is out of date with the catalogue; regenerate with "
                        + "mvn -B -pl credit-core test -Dtest=FeatureDocsTest -Dcreditkit.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void markdown_hasOneRowPerFeature_andEscapesPipes() {
        String md = FeatureDocs.markdown(FeatureCatalogue.standard());
        for (FeatureDefinition d : FeatureCatalogue.standard().definitions()) {
            assertThat(md).contains("| `" + d.id() + "` |");
        }
        assertThat(md).contains("\\|sum(sales[fiscalYear-01..fiscalYear-12]) - revenue\\|");
        long rows = md.lines().filter(l -> l.matches("\\| \\d+ \\| `.*")).count();
        assertThat(rows).isEqualTo(StandardFeatures.COUNT);
    }
}
