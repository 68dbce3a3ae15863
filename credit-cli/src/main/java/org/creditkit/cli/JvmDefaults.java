package org.creditkit.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM options the batch commands run with when {@code credit} is started as a plain
 * {@code java -jar credit.jar COMMAND ...}: there is no launcher script to put them in, so the jar starts
 * itself again in a child JVM with {@link #OPTIONS} and waits for it (same standard streams, same exit
 * code). Why: these commands keep a few tens of MB live whatever the file's size, but under the JVM's
 * default ergonomics G1 sizes its young generation from the machine's memory (a quarter of it as the
 * maximum heap, up to 60% of the heap as young), so {@code decide} over a million lines reached 878 MB
 * resident on a 24 GB machine for a live set of about 20 MB (docs/cli.md, "Memory").
 *
 * <p>Nothing is changed when the user chose: any JVM option on the command line (for example
 * {@code java -Xmx2g -jar credit.jar ...}), or {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS} or
 * {@code _JAVA_OPTIONS} in the environment, runs the command in the JVM as started. The child is
 * started with {@link #OPTIONS}, so it never starts another.
 */
final class JvmDefaults {

    /**
     * The options of the child JVM: a 384 MB heap, for about 20 MB live while deciding with the default
     * policy and about 200 MB while compiling 1,000 extra rules at load (docs/cli.md, "Memory"). A cap
     * on the young generation alone was tried and is worse: with the heap free to grow, objects promoted
     * early piled up in the old generation (1.2 GB resident on 100,000 lines with 64 MB young).
     * The parallel collector: no G1 write barriers or remembered sets to pay for on every line, with a
     * live set this small its young collections are cheap, and it stays about 100 MB smaller resident.
     * Less inlining ({@code InlineSmallCode} 1000 instead of 2500, {@code MaxInlineLevel} 9 instead of
     * 15): the JIT's C2 threads spent about 10 s of CPU per million lines compiling methods with up to
     * 27 KB of inlined code, and the smaller compilations halve that without slowing the workers
     * (docs/performance.md, "credit decide on JSON Lines").
     */
    static final List<String> OPTIONS = List.of("-Xmx384m", "-XX:+UseParallelGC", "-XX:InlineSmallCode=1000",
            "-XX:MaxInlineLevel=9");

    /** The commands that stream a file of any size in bounded memory and so run under {@link #OPTIONS}. */
    static final Set<String> COMMANDS = Set.of("decide", "score", "match", "validate", "features");

    /** Environment variables the {@code java} launcher or the JVM read options from. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private JvmDefaults() {
    }

    /**
     * The child JVM's command line, or empty to run here: when {@code args} start with one of
     * {@link #COMMANDS}, the JVM was started with no option ({@code jvmOptions} empty, no option
     * variable in {@code env}) and from one jar.
     *
     * @param args       the command line after the jar
     * @param jvmOptions the running JVM's options
     * @param env        the environment
     * @param java       the {@code java} executable of the running JVM
     * @param classPath  the running JVM's class path
     */
    static Optional<List<String>> childCommand(String[] args, List<String> jvmOptions, Map<String, String> env,
                                               Path java, String classPath) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || !jvmOptions.isEmpty()
                || OPTION_VARIABLES.stream().anyMatch(env::containsKey)
                || !classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(OPTIONS);
        command.add("-cp");
        command.add(classPath);
        command.add(CreditCli.class.getName());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * Runs the command in a child JVM under {@link #OPTIONS} when {@link #childCommand} says so.
     *
     * @return the child's exit code, or empty when the command is to run in this JVM (also when the
     *         child cannot be started: then it runs here, as started)
     */
    static Optional<Integer> runInChild(String[] args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Optional<List<String>> command = childCommand(args,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(), java,
                System.getProperty("java.class.path", ""));
        if (command.isEmpty() || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
        // A SIGTERM or Ctrl-C to this JVM ends the child too: no orphan goes on writing.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "credit-child-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    int code = child.waitFor();
                    Runtime.getRuntime().removeShutdownHook(stop);
                    return Optional.of(code);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook ends the child
                    return Optional.of(CreditCli.EXIT_INTERNAL);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
