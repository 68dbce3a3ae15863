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

class DecideCommandTest {

    @TempDir
    Path tmp;
    StringWriter err;

    int run(String... args) {
        err = new StringWriter();
        return Cli.execute(DecideCommand.class, new StringWriter(), err, args);
    }

    Path portfolio(int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(99L).build()).writeJsonLines(bytes);
        Path in = tmp.resolve("apps.jsonl");
        Files.write(in, bytes.toByteArray());
        return in;
    }

    @Test
    void decide_portfolio_writesOneDecisionPerApplicationAndMaskedLog() throws IOException {
        Path in = portfolio(200);
        Path out = tmp.resolve("decisions.jsonl");
        Path log = tmp.resolve("log.jsonl");
        assertThat(run("--in", in.toString(), "--out", out.toString(), "--log", log.toString(), "--development"))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(200);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("tier").asText()).isIn("INSTANT_APPROVAL", "MANUAL_REVIEW", "MITIGATION", "DECLINE");
        assertThat(first.get("rulesetVersion").asText()).isEqualTo(RuleSetSource.defaultPolicy().version());
        assertThat(first.has("firedRules")).isTrue();
        assertThat(first.has("defaulted")).isTrue();
        List<String> logLines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("\"kind\":\"decision\"")).toList();
        assertThat(logLines).hasSize(200);
        assertThat(logLines.get(0)).doesNotContain(first.get("applicationId").asText());
        assertThat(err.toString()).contains("decided 200 of 200 applications").contains("DEVELOPMENT");
    }

    @Test
    void decide_brokenRulesDirectory_exits3WithLocatedProblem() throws IOException {
        Path rules = Files.createDirectory(tmp.resolve("rules"));
        RuleSetSource.defaultPolicy().files().forEach((name, text) -> {
            try {
                Files.writeString(rules.resolve(name), name.equals("parameters.json")
                        ? text.replace("\"referenceRate\": 0.031", "\"referenceRate\": 7") : text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(run("--rules", rules.toString(), "--in", portfolio(3).toString(), "--out",
                tmp.resolve("o.jsonl").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("parameters.json:3:3 $.referenceRate: 7 is out of range, must be in [0.0, 0.5]");
    }

    @Test
    void decide_onSeveralThreads_writesTheSameBytesRejectsAndExitCodeAsOneThread() throws IOException {
        Path good = portfolio(1_300);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        lines.set(0, "");
        lines.set(299, "{\"application\": not json");
        lines.set(300, lines.get(300).replace("\"amount\":", "\"amount\":-"));
        lines.set(1_024, "{}");
        lines.set(1_299, "[1]");
        Path in = tmp.resolve("mixed.jsonl");
        Files.write(in, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path out1 = tmp.resolve("one.jsonl");
        Path rejects1 = tmp.resolve("one-rejects.jsonl");
        assertThat(run("--in", in.toString(), "--out", out1.toString(), "--rejects", rejects1.toString(),
                "--threads", "1")).as(err.toString()).isEqualTo(CreditCli.EXIT_REJECTED);
        String err1 = err.toString().replace(out1.toString(), "OUT").replace(rejects1.toString(), "REJECTS");
        Path out3 = tmp.resolve("three.jsonl");
        Path rejects3 = tmp.resolve("three-rejects.jsonl");
        assertThat(run("--in", in.toString(), "--out", out3.toString(), "--rejects", rejects3.toString(),
                "--threads", "3")).as(err.toString()).isEqualTo(CreditCli.EXIT_REJECTED);
        String err3 = err.toString().replace(out3.toString(), "OUT").replace(rejects3.toString(), "REJECTS");
        assertThat(Files.readAllLines(out1, StandardCharsets.UTF_8)).hasSize(1_295);
        assertThat(Files.readAllBytes(out3)).isEqualTo(Files.readAllBytes(out1));
        assertThat(Files.readAllBytes(rejects3)).isEqualTo(Files.readAllBytes(rejects1));
        assertThat(err3).isEqualTo(err1).contains("line 1:", "line 300:", "line 301:", "line 1025:", "line 1300:")
                .contains("decided 1295 of 1300 applications");
    }

    @Test
    void decide_threadsOutOfRangeOrWithTheTrail_exits3SayingWhatIsValid() throws IOException {
        Path in = portfolio(3);
        assertThat(run("--in", in.toString(), "--out", tmp.resolve("o.jsonl").toString(), "--threads", "0"))
                .isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--threads 0 is out of range; valid: 1 to 256");
        assertThat(run("--in", in.toString(), "--out", tmp.resolve("o.jsonl").toString(), "--threads", "2",
                "--log", tmp.resolve("log.jsonl").toString(), "--development")).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--threads 2 with --log");
        assertThat(tmp.resolve("o.jsonl")).doesNotExist();
    }
}
