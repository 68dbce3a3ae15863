package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's tokenizer against Jackson's parser with the same limits: whatever text it
 * accepts, Jackson accepts too and gives the same tokens with the same texts and values; what it does
 * not handle it gives up on.
 */
class JsonLexerTest {

    private static final ReaderSettings SETTINGS = new ReaderSettings(1 << 20, 16, 10_000, 40, 64, 600,
            Duration.ofHours(24), Clock.systemUTC());
    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(10_000)
                    .maxNumberLength(40).maxNameLength(10_000).build())
            .build();

    /** The tokens with their texts and values, or null when the lexer gives up. */
    private static List<String> lexer(String json) {
        List<String> out = new ArrayList<>();
        try {
            JsonLexer l = new JsonLexer(json, SETTINGS);
            for (JsonToken t = l.nextToken(); t != null; t = l.nextToken()) {
                out.add(describe(t, text(t) ? l.getText() : "", t == JsonToken.VALUE_NUMBER_INT ? l.getLongValue() : 0,
                        t == JsonToken.VALUE_NUMBER_FLOAT ? l.getDoubleValue() : 0));
            }
        } catch (JsonLexer.GiveUp e) {
            return null;
        }
        return out;
    }

    /** The same from Jackson, or null when Jackson rejects the text. */
    private static List<String> jackson(String json) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.add(describe(t, text(t) ? p.getText() : "", t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : 0,
                        t == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : 0));
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }

    /** Keys and values have a text; the reader never asks for a bracket's. */
    private static boolean text(JsonToken t) {
        return t == JsonToken.FIELD_NAME || t.isScalarValue();
    }

    private static String describe(JsonToken t, String text, long l, double d) {
        return t + " " + text + " " + l + " " + Double.doubleToRawLongBits(d);
    }

    private static void assertAgrees(String json) {
        List<String> mine = lexer(json);
        if (mine != null) {
            assertThat(jackson(json)).as("%s", json).isEqualTo(mine);
        }
    }

    @Test
    void trickyTexts_eitherGiveUpOrTokeniseExactlyAsJackson() {
        String[] texts = {
            "{}", "[]", "{\"a\":1}", " {\"a\" : [1, -0, 0.5, -1.25e-3, 1E5, 12345678901234567] } ",
            "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":1.5.3}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":true,\"b\":false,\"c\":null}",
            "{\"a\":1,}", "[1,]", "[,1]", "{\"a\" 1}", "{a:1}", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1}{}", "{\"a\":[1 2]}",
            "{\"a\":\"x\\ny\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"\u0001\"}", "{\"a\":\"中文\"}", "{\"a\":\"\ud800\"}",
            "{\"a\":1}\f", "{\"a\":\"", "{\"a\"", "{", "", "  ", "\"s\"", "7", "[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]",
            "{\"a\":" + "1".repeat(41) + "}", "{\"a\":\"" + "x".repeat(10_001) + "\"}", "{\"a\":1e400}", "{\"a\":4.9e-325}",
        };
        for (String t : texts) {
            assertAgrees(t);
        }
        assertThat(lexer("{\"a\":\"x\\ny\"}")).as("escapes go to Jackson").isNull();
        assertThat(lexer("{\"a\":01}")).as("a leading zero is refused").isNull();
        assertThat(lexer("{\"a\":1} x")).as("text after the root is refused").isNull();
        assertThat(lexer("{\"a\":[1, -0, 0.5]}")).hasSize(8);
    }

    @Test
    void mutatedApplications_eitherGiveUpOrTokeniseExactlyAsJackson() {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(20).seed(5).build());
        Random rnd = new Random(5);
        String alphabet = "{}[]:,\"\\ -+.0123456789eEtrufalsn\t\n\r\fxX中";
        int accepted = 0;
        for (int d = 0; d < 20; d++) {
            String json = ApplicationJson.write(gen.generate(d).application());
            assertThat(lexer(json)).isNotNull().isEqualTo(jackson(json));
            for (int m = 0; m < 150; m++) {
                StringBuilder sb = new StringBuilder(json);
                int at = rnd.nextInt(sb.length());
                char ch = alphabet.charAt(rnd.nextInt(alphabet.length()));
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, ch);
                    default -> sb.setCharAt(at, ch);
                }
                String mutated = sb.toString();
                assertAgrees(mutated);
                accepted += lexer(mutated) != null ? 1 : 0;
            }
        }
        assertThat(accepted).as("mutations that stay well-formed JSON are tokenised, not all given up").isGreaterThan(100);
    }
}
