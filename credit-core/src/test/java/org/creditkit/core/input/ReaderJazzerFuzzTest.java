package org.creditkit.core.input;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Coverage-guided fuzzing of the strict reader with Jazzer: whatever the bytes, reading one document
 * and reading them as a JSON Lines batch either succeeds or throws {@link CreditDataException} whose
 * problems are located and short; any other exception, or the reader's own "validation gap" problem,
 * is a finding. So is a document the streaming reader accepts that the tree walk rejects or reads
 * into other records. Seeds: {@code ReaderJazzerFuzzTestInputs/} (a valid document and hostile numbers).
 *
 * <p>CI ({@code .ci/run}) fuzzes {@link #read_anyBytes_onlyTheTypedDataExceptionLeaves} for a few seconds
 * with {@code mvn -B -pl credit-core -Pfuzz test} (profile {@code fuzz}: this class alone, in its own JVM,
 * {@code JAZZER_FUZZ=1}); the ordinary build skips the class. A long run fuzzes {@link #read_longRun} for an
 * hour: {@code mvn -B -pl credit-core -Pfuzz test -Dfuzz.argLine=-Dcreditkit.longFuzz=true}. A finding is
 * written as a {@code crash-*} file and becomes a regression input when moved into the inputs directory.
 */
class ReaderJazzerFuzzTest {

    private static final StrictApplicationReader READER = StrictApplicationReader.builder()
            .maxDocumentBytes(64 * 1024)
            .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    @DictionaryEntries({"\"applicationTime\"", "\"amount\"", "\"enterprise\"", "\"uscc\"", "\"region\"",
        "\"industry\"", "\"sources\"", "\"values\"", "1e2147483648", "1e-999999999", "e-", "E+", "\\u0000",
        "\\uD800", "null", "true", "[[[[", "{\"", "\uff13", "\u0663"})
    @DisabledIfSystemProperty(named = "creditkit.longFuzz", matches = "true") // Jazzer fuzzes one test per run
    @FuzzTest(maxDuration = "6s")
    void read_anyBytes_onlyTheTypedDataExceptionLeaves(byte[] input) {
        check(input);
    }

    @EnabledIfSystemProperty(named = "creditkit.longFuzz", matches = "true")
    @FuzzTest(maxDuration = "1h")
    void read_longRun(byte[] input) {
        check(input);
    }

    private static void check(byte[] input) {
        try {
            READER.read(new ByteArrayInputStream(input));
        } catch (CreditDataException e) {
            e.problems().forEach(ReaderJazzerFuzzTest::checkProblem);
        }
        READER.readBatch(new ByteArrayInputStream(input), a -> { }, bad -> bad.problems()
                .forEach(ReaderJazzerFuzzTest::checkProblem));
        String text = new String(input, StandardCharsets.UTF_8);
        LabeledApplication streamed = READER.readLabeledStreaming(text);
        if (streamed != null) {
            LabeledApplication tree = READER.readLabeledByTree(text, new ArrayList<>(), false);
            if (!streamed.equals(tree)) {
                throw new AssertionError("streaming reader accepted " + streamed + ", tree walk gave " + tree);
            }
        }
    }

    private static void checkProblem(Problem p) {
        if (!p.location().startsWith("$") || p.message().length() > 1_000
                // the reader's own marker of a validation gap, in full: an echoed value is cut to 40 characters,
                // so input cannot forge it (the one-hour run "found" a key that spelled "creditkit bug")
                || p.message().contains("this is a creditkit bug, please report it")) {
            throw new AssertionError("bad problem: " + p);
        }
    }
}
