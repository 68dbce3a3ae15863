package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** credit-bom has no parent (so importing it leaks nothing), hence its versions are checked here. */
class BomTest {

    private static final Path ROOT = Path.of("..");

    private static String property(String pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(Files.readString(ROOT.resolve(pom)));
        assertThat(m.find()).as("%s in %s", name, pom).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jackson.version", "drools.version", "slf4j.version"})
    void bom_pinsTheVersionsTheBuildTestsWith(String property) throws IOException {
        assertThat(property("credit-bom/pom.xml", property)).isEqualTo(property("pom.xml", property));
    }

    @Test
    void bom_hasTheProjectVersion_andListsEveryPublishedModuleOfTheBuild() throws IOException {
        assertThat(property("credit-bom/pom.xml", "version")).isEqualTo(property("pom.xml", "version"));
        String bom = Files.readString(ROOT.resolve("credit-bom/pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).contains("credit-bom", "credit-core", "credit-rules", "credit-models", "credit-cli",
                "credit-spark");
        // every module a bank could depend on; the BOM itself and the benchmarks are not published libraries
        modules.removeAll(List.of("credit-bom", "credit-bench"));
        for (String module : modules) {
            assertThat(bom).as("credit-bom lists %s", module).contains("<artifactId>" + module + "</artifactId>");
        }
    }

    @Test
    void bom_statesTheSparkAndSparkJacksonVersionsCreditSparkIsBuiltWith() throws IOException {
        assertThat(property("credit-bom/pom.xml", "spark.version"))
                .isEqualTo(property("credit-spark/pom.xml", "spark.version"));
        assertThat(property("credit-bom/pom.xml", "spark.jackson.version"))
                .isEqualTo(property("credit-spark/pom.xml", "jackson.version"));
    }
}
