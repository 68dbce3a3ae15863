package org.creditkit.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The files of a batch command: an output may not be an input or another output (refused before
 * anything is opened: {@code --in X --out X} used to empty the input), and outputs are written to a
 * temporary file beside the target and moved into place atomically on success, so a crash or a
 * refusal never leaves half a file, or an emptied old one, under the final name.
 */
final class BatchFiles {

    private BatchFiles() {
    }

    /**
     * Refuses any two of {@code files} (option name to path; null paths ignored) that are the same
     * file: same normalised absolute path, or the same existing file through a link.
     *
     * @throws CommandLine.ParameterException naming both options
     */
    static void requireDistinct(CommandLine.Model.CommandSpec spec, Map<String, Path> files) {
        requireDistinct(spec, files, Map.of());
    }

    /**
     * As {@link #requireDistinct(CommandLine.Model.CommandSpec, Map)} over inputs and outputs together,
     * and refuses an output that is an existing directory (it could never be moved into place).
     */
    static void requireDistinct(CommandLine.Model.CommandSpec spec, Map<String, Path> inputs, Map<String, Path> outputs) {
        outputs.forEach((option, path) -> {
            if (path != null && Files.isDirectory(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + path
                        + " is a directory; give a file name");
            }
        });
        Map<String, Path> files = new LinkedHashMap<>(inputs);
        files.putAll(outputs);
        List<Map.Entry<String, Path>> given = new ArrayList<>();
        files.forEach((option, path) -> {
            if (path != null) {
                given.add(Map.entry(option, path));
            }
        });
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                if (same(given.get(i).getValue(), given.get(j).getValue())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), given.get(i).getKey() + " and "
                            + given.get(j).getKey() + " are the same file (" + given.get(j).getValue()
                            + "); give each output its own file, different from every input");
                }
            }
        }
    }

    /**
     * For the commands that read whole files and write results ({@code train}, {@code evaluate},
     * {@code psi}, {@code audit}, {@code monitor}): refuses an output file that is an input or another
     * output, an output file that is an existing directory, an output directory that is an existing
     * file, and an input that is one of the files an output directory will receive (so
     * {@code --data report.json --out .} cannot overwrite its own data). Inputs may name the same file
     * as each other here; a command for which that is a mistake refuses it itself ({@code psi --expected X
     * --actual X} would be STABLE by construction).
     *
     * @param spec the command, for the usage error
     * @param inputs option name to input path (null paths ignored)
     * @param outputs option name to output file (null paths ignored)
     * @param directory option name of the output directory, or null when there is none
     * @param dir the output directory, or null
     * @param written the names of the files the command writes into {@code dir}
     * @throws CommandLine.ParameterException naming the options and the file
     */
    static void requireOutputs(CommandLine.Model.CommandSpec spec, Map<String, Path> inputs, Map<String, Path> outputs,
            String directory, Path dir, String... written) {
        Map<String, Path> files = new LinkedHashMap<>(outputs);
        if (dir != null) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), directory + " " + dir
                        + " is a file, not a directory; give a directory for the " + String.join(", ", written));
            }
            for (String name : written) {
                files.put(directory + " (" + name + ")", dir.resolve(name));
            }
        }
        files.forEach((option, path) -> {
            if (path != null && Files.isDirectory(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + path
                        + " is a directory; give a file name");
            }
        });
        List<Map.Entry<String, Path>> out = new ArrayList<>();
        files.forEach((option, path) -> {
            if (path != null) {
                out.add(Map.entry(option, path));
            }
        });
        for (int i = 0; i < out.size(); i++) {
            for (Map.Entry<String, Path> in : inputs.entrySet()) {
                if (in.getValue() != null && same(in.getValue(), out.get(i).getValue())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), in.getKey() + " and "
                            + out.get(i).getKey() + " are the same file (" + out.get(i).getValue()
                            + "); the output would overwrite the input: give the output another name");
                }
            }
            for (int j = i + 1; j < out.size(); j++) {
                if (same(out.get(i).getValue(), out.get(j).getValue())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), out.get(i).getKey() + " and "
                            + out.get(j).getKey() + " are the same file (" + out.get(j).getValue()
                            + "); give each output its own file");
                }
            }
        }
    }

    /**
     * {@code files} with each of {@code paths} added under {@code option} (a repeatable option such as
     * {@code --trust}, {@code --trail-key}; the second as {@code option #2} ...), a path given twice once.
     */
    static Map<String, Path> plus(Map<String, Path> files, String option, List<Path> paths) {
        if (paths == null) {
            return files;
        }
        Map<String, Path> m = new LinkedHashMap<>(files);
        List<Path> seen = new ArrayList<>();
        for (Path p : paths) {
            if (p != null && seen.stream().noneMatch(q -> same(p, q))) {
                seen.add(p);
                m.put(seen.size() == 1 ? option : option + " #" + seen.size(), p);
            }
        }
        return m;
    }

    /** Option names to paths, in order, for {@link #requireDistinct}. */
    static Map<String, Path> files(Object... optionsAndPaths) {
        Map<String, Path> m = new LinkedHashMap<>();
        for (int i = 0; i < optionsAndPaths.length; i += 2) {
            m.put((String) optionsAndPaths[i], (Path) optionsAndPaths[i + 1]);
        }
        return m;
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A text output written through a temporary file in the target's directory: {@link #commit()}
     * moves it over the target (atomically where the file system can); {@link #close()} without a
     * commit deletes it and leaves any old target untouched.
     */
    static final class AtomicOutput implements Closeable {
        private final Path target;
        private final Path temp;
        private final OutputStream stream;
        private final BufferedWriter writer;
        private boolean committed;

        private AtomicOutput(Path target, Path temp, OutputStream stream) {
            this.target = target;
            this.temp = temp;
            this.stream = stream;
            this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        /** Opens a temporary file beside {@code target} (whose directory is created if needed). */
        static AtomicOutput open(Path target) throws IOException {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try {
                return new AtomicOutput(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
        }

        /** The writer of the temporary file (UTF-8); use either it or {@link #stream()}. */
        Writer writer() {
            return writer;
        }

        /** The temporary file as bytes, for text already encoded as UTF-8; use either it or {@link #writer()}. */
        OutputStream stream() {
            return stream;
        }

        /** Flushes, closes and moves the temporary file over the target. */
        void commit() throws IOException {
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the temporary file unless committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    writer.close();
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
