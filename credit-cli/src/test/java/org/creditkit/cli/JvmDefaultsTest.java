package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final String JAR = "/opt/creditkit/credit.jar";

    @Test
    void plainJavaJar_batchCommand_runsInAChildWithTheDefaultsAndTheSameArguments() {
        assertThat(JvmDefaults.childCommand(new String[] {"decide", "--in", "a b.jsonl", "--out", "d.jsonl"}, List.of(),
                Map.of("HOME", "/root"), JAVA, JAR)).hasValueSatisfying(command -> assertThat(command)
                .startsWith("/jdk/bin/java").containsSubsequence(JvmDefaults.OPTIONS)
                .endsWith("-cp", JAR, "org.creditkit.cli.CreditCli", "decide", "--in", "a b.jsonl", "--out", "d.jsonl"));
    }

    @Test
    void anyJvmOptionOrOptionVariable_theUserChose_runsHere() {
        String[] args = {"decide", "--in", "a.jsonl", "--out", "d.jsonl"};
        assertThat(JvmDefaults.childCommand(args, List.of("-Xmx2g"), Map.of(), JAVA, JAR)).isEmpty();
        assertThat(JvmDefaults.childCommand(args, List.of("-Dfoo=bar"), Map.of(), JAVA, JAR)).isEmpty();
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            assertThat(JvmDefaults.childCommand(args, List.of(), Map.of(variable, "-Xmx1g"), JAVA, JAR)).isEmpty();
        }
    }

    @Test
    void childJvm_startedWithTheDefaults_doesNotStartAnother() {
        String[] args = {"score", "--in", "a.jsonl", "--out", "s.jsonl"};
        List<String> child = JvmDefaults.childCommand(args, List.of(), Map.of(), JAVA, JAR).orElseThrow();
        List<String> childOptions = child.subList(1, child.indexOf("-cp"));
        assertThat(JvmDefaults.childCommand(args, childOptions, Map.of(), JAVA, JAR)).isEmpty();
    }

    @Test
    void otherCommandsOrNotFromOneJar_runHere() {
        assertThat(JvmDefaults.childCommand(new String[] {"demo"}, List.of(), Map.of(), JAVA, JAR)).isEmpty();
        assertThat(JvmDefaults.childCommand(new String[] {"--help"}, List.of(), Map.of(), JAVA, JAR)).isEmpty();
        assertThat(JvmDefaults.childCommand(new String[0], List.of(), Map.of(), JAVA, JAR)).isEmpty();
        assertThat(JvmDefaults.childCommand(new String[] {"decide"}, List.of(), Map.of(), JAVA,
                "target/classes")).isEmpty();
        assertThat(JvmDefaults.childCommand(new String[] {"decide"}, List.of(), Map.of(), JAVA,
                "a.jar" + java.io.File.pathSeparator + "b.jar")).isEmpty();
    }
}
