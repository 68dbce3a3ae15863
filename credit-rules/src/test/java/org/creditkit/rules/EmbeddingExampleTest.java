package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embedding" program, extracted from README.md, compiled and run: the README cannot drift. */
class EmbeddingExampleTest {

    @TempDir
    Path dir;

    /** The first ```java block under "## Embedding". */
    static String readmeProgram() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Embedding");
        assertThat(section).as("README.md has an Embedding section").isNotNegative();
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("```", start + 8);
        assertThat(start).as("README.md's Embedding section has a java block").isNotNegative();
        return readme.substring(start + 8, end);
    }

    @Test
    void readmeProgram_compilesAndDecidesTheDocumentedExampleApplication() throws Exception {
        String program = readmeProgram();
        assertThat(program).contains("public class LoanDesk").contains("CreditEngine.defaults()")
                .contains("catch (CreditDataException e)");
        Path source = dir.resolve("LoanDesk.java");
        Files.writeString(source, program);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), source.toString());
        assertThat(rc).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("LoanDesk").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {Path.of("..", "docs", "examples", "application.json").toString()});
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(List.of("INSTANT_APPROVAL", "MANUAL_REVIEW", "MITIGATION", "DECLINE"))
                .anySatisfy(tier -> assertThat(printed).startsWith(tier));
        assertThat(printed).contains(" rules ").contains(" model creditkit-expert");
    }
}
