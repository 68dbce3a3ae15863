package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.quality.DataQualityChecker;
import org.junit.jupiter.api.Test;

/** The documented example must stay a valid, complete, clean application. */
class ExampleFileTest {

    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "application.json");

    @Test
    void documentedExample_readsStrictlyToTheFullSample() throws IOException {
        LoanApplication read = StrictApplicationReader.standard().read(Files.readString(EXAMPLE, StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(Samples.full());
        assertThat(read.sources().present()).hasSize(11);
        assertThat(DataQualityChecker.standard().check(read).isClean()).isTrue();
    }
}
