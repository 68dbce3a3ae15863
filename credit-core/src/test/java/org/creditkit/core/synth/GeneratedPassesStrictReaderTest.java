package org.creditkit.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.junit.jupiter.api.Test;

class GeneratedPassesStrictReaderTest {

    @Test
    void everyGeneratedLine_passesTheStrictReader_andReadsBackEqual() {
        GeneratorConfig cfg = GeneratorConfig.builder().count(2_000).seed(11)
                .recordedOutcomeBias('H', 1.0).scoringBias('I', 0.5).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PortfolioGenerator gen = PortfolioGenerator.of(cfg);
        gen.writeJsonLines(out, 2, done -> { });
        List<LabeledApplication> good = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        BatchReport report = StrictApplicationReader.standard()
                .readBatch(new ByteArrayInputStream(out.toByteArray()), good::add, bad::add);
        assertThat(bad).as("rejected generated lines").isEmpty();
        assertThat(report.good()).isEqualTo(cfg.count());
        for (int i = 0; i < good.size(); i += 97) {
            assertThat(ApplicationJson.write(good.get(i))).isEqualTo(ApplicationJson.write(gen.generate(i)));
        }
    }
}
