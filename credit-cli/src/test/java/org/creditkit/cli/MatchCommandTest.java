package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.RuleSetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchCommandTest {

    @TempDir
    Path tmp;
    StringWriter err;

    int run(String... args) {
        err = new StringWriter();
        return Cli.execute(MatchCommand.class, new StringWriter(), err, args);
    }

    Path portfolio(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(99L).build()).writeJsonLines(bytes);
        Path in = tmp.resolve("apps.jsonl");
        Files.write(in, bytes.toByteArray());
        return in;
    }

    @Test
    void match_portfolio_ranksEveryProductForEveryEnterpriseAndSaysWhyTheOthersAreRefused() throws IOException {
        Path out = tmp.resolve("matches.jsonl");
        assertThat(run("--in", portfolio(120).toString(), "--out", out.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(120);
        ObjectMapper json = new ObjectMapper();
        int reviews = 0;
        for (String line : lines) {
            JsonNode m = json.readTree(line);
            assertThat(m.get("offers").size() + m.get("refused").size()).as(line).isEqualTo(5);
            int rank = 1;
            for (JsonNode o : m.get("offers")) {
                assertThat(o.get("rank").asInt()).isEqualTo(rank++);
                assertThat(o.get("tier").asText()).isNotEqualTo("DECLINE");
                assertThat(o.get("nameZh").asText()).isNotBlank();
                // every offer says why it has its tier (a review without a reason is not explained)
                assertThat(o.get("tierReasons").size()).as(line).isPositive();
                for (JsonNode r : o.get("tierReasons")) {
                    assertThat(r.get("code").asText()).isNotBlank();
                    assertThat(r.get("zh").asText()).isNotBlank();
                }
                if (o.get("tier").asText().equals("MANUAL_REVIEW")) {
                    reviews++;
                }
            }
            for (JsonNode r : m.get("refused")) {
                assertThat(r.get("criteriaMissed").size() + r.get("declineReasons").size()).as(line).isPositive();
            }
        }
        assertThat(reviews).as("offers in manual review among 120 applications").isPositive();
        assertThat(err.toString()).contains("matched 120 of 120 applications; best offer by product {");
    }

    @Test
    void match_rulesDirectoryWithABrokenProductsFile_exits3NamingFileLineAndPath() throws IOException {
        Path rules = Files.createDirectory(tmp.resolve("rules"));
        RuleSetSource.defaultPolicy().files().forEach((name, text) -> {
            try {
                Files.writeString(rules.resolve(name), name.equals("products.json")
                        ? text.replace("\"industries\": [\"A\", \"C13\", \"C14\"]", "\"industries\": [\"A\", \"agri\"]") : text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(run("--rules", rules.toString(), "--in", portfolio(3).toString(), "--out",
                tmp.resolve("o.jsonl").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("products.json:").contains("$.products.AGRICULTURE.eligibility.industries[1]:"
                + " 'agri' is not a GB/T 4754 section letter (e.g. M) or division (e.g. C39)");
    }
}
