package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.rules.testing.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule-set files are text: a byte that is not UTF-8, or an escape of half a surrogate pair, is refused at
 * its file, line and column instead of being read as U+FFFD or written out as '?'.
 */
class RuleFileTextTest {

    private static final RuleSetSource DEFAULT = RuleSetSource.defaultPolicy();

    private static void copyDefault(Path dir) throws IOException {
        for (var e : DEFAULT.files().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** {@code text} with the byte 0xFF put at the start of its line {@code line} (from 1). */
    private static byte[] withBadByte(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, out, head.length + 1, tail.length);
        return out;
    }

    @Test
    void directory_parametersNotUtf8_isRefusedAtItsLineAndByte(@TempDir Path dir) throws IOException {
        copyDefault(dir);
        Path params = dir.resolve(PolicyParameters.FILE_NAME);
        Files.write(params, withBadByte(Files.readString(params), 3));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetSource.directory(dir));

        assertThat(e).isNotNull();
        assertThat(e.ruleProblems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(params.toString());
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).startsWith("not valid UTF-8 at line 3, byte 1").contains("0xff")
                    .contains("valid: UTF-8 text").doesNotContain("CSV UTF-8");
        });
    }

    @Test
    void scenarioFiles_notUtf8_isRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("01.json");
        Files.write(scenario, withBadByte(Scenarios.defaultScenarioFiles().values().iterator().next(), 2));

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> Scenarios.files(dir));

        assertThat(e).isNotNull();
        assertThat(e.ruleProblems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(scenario.toString());
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void products_nameWithHalfASurrogatePair_isRefusedAtItsLineAndColumn(@TempDir Path dir) throws IOException {
        copyDefault(dir);
        Path products = dir.resolve(PolicyParameters.PRODUCTS_FILE_NAME);
        String text = Files.readString(products);
        Files.writeString(products, text.replace("\"nameEn\": \"General working-capital loan\"",
                "\"nameEn\": \"General \\udc00loan\""));
        RuleSetSource source = RuleSetSource.directory(dir);

        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSets.compile(source));

        assertThat(e).as("a product name holding \\udc00 must be refused").isNotNull();
        assertThat(e.ruleProblems()).anySatisfy(p -> {
            assertThat(p.file()).endsWith(PolicyParameters.PRODUCTS_FILE_NAME);
            assertThat(p.line()).isGreaterThan(1);
            assertThat(p.message()).contains("/products/GENERAL/nameEn").contains("unpaired UTF-16 surrogate");
        });
    }
}
