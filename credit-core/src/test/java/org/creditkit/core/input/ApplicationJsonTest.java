package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApplicationJsonTest {

    @Test
    void write_fullApplication_isOneCompactLineInDeclaredFieldOrder() {
        String json = ApplicationJson.write(Samples.full());

        assertThat(json).doesNotContain("\n").doesNotContain(": ");
        assertThat(json).startsWith("{\"id\":\"APP-2025-000001\",\"applicationTime\":\"2025-07-01T02:00:00Z\","
                + "\"product\":\"GENERAL\",\"amount\":1500000.00,\"termMonths\":12,");
        assertThat(json).contains("\"enterprise\":{\"uscc\":\"" + Samples.enterprise().uscc().value() + "\"");
        assertThat(json).contains("\"declaredSales\":{\"firstMonth\":\"2024-01\",\"values\":[1890000,");
        assertThat(json).contains("\"operatingCashFlow\":-120000.50");
        assertThat(json).contains("\"dishonestListings\":[{\"listed\":\"2021-05-10\",\"repaired\":\"2021-11-02\"}]");
        assertThat(json).contains("\"emissionsTonnes\":1234.5");
    }

    /** Golden file: a change of the format must be deliberate (update the file and docs/json-format.md). */
    @Test
    void write_portfolioLines_matchGoldenFile() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/ApplicationJsonTest/portfolio.jsonl")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(ApplicationJson.write(LabeledApplication.of(Samples.full(), true, 0.0425)) + "\n"
                + ApplicationJson.write(Samples.bare()) + "\n").isEqualTo(golden);
    }

    @Test
    void write_sameApplicationTwice_givesIdenticalBytes() {
        assertThat(ApplicationJson.write(Samples.full())).isEqualTo(ApplicationJson.write(Samples.full()));
    }

    @Test
    void write_absentSources_areOmittedNotNull() {
        String json = ApplicationJson.write(Samples.bare());

        assertThat(json).endsWith("\"sources\":{}}").doesNotContain("null");
    }

    @Test
    void write_labeledLine_wrapsApplicationAndOutcome() {
        String json = ApplicationJson.write(LabeledApplication.of(Samples.bare(), true, 0.0425));

        assertThat(json).startsWith("{\"application\":{\"id\":\"APP-2025-000002\"")
                .endsWith("},\"outcome\":{\"defaulted12m\":true,\"truePd\":0.0425}}");
    }

    @Test
    void write_unlabeledLine_isTheBareApplication() {
        assertThat(ApplicationJson.write(LabeledApplication.unlabeled(Samples.bare())))
                .isEqualTo(ApplicationJson.write(Samples.bare()));
    }

    @Test
    void writeTo_streamAndWriter_matchWriteAndLeaveTargetOpen() {
        StringWriter w = new StringWriter();
        ApplicationJson.writeTo(Samples.full(), w);
        w.write('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ApplicationJson.writeTo(LabeledApplication.of(Samples.full(), false), out);

        assertThat(w.toString()).isEqualTo(ApplicationJson.write(Samples.full()) + "\n");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(ApplicationJson.write(LabeledApplication.of(Samples.full(), false)))
                .endsWith("\"outcome\":{\"defaulted12m\":false}}");
    }
}
