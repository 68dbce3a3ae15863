package org.creditkit.rules.internal;

/**
 * What a rule-set folder and its {@code scenarios/} folder may hold besides the files they read: an entry
 * that would not be read (say {@code hard-stops.DRL}) is refused rather than left out without a word.
 */
public final class RuleFolders {

    private RuleFolders() {
    }

    /**
     * Whether a directory entry is left alone although it is not part of a rule set: hidden entries
     * ({@code .git}, {@code .DS_Store}) and Markdown notes ({@code README.md}).
     *
     * @param name the entry's file name
     * @return true when it is not read and not refused
     */
    public static boolean ignored(String name) {
        return name.startsWith(".") || name.endsWith(".md");
    }

    /**
     * The problem text for an entry of a rule-set folder that would not be read.
     *
     * @param name      the entry's file name
     * @param directory whether it is a directory
     * @param expected  what the folder holds, e.g. {@code ".json scenario files"}
     * @return the sentence
     */
    public static String stray(String name, boolean directory, String expected) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean upperExtension = (lower.endsWith(".drl") && !name.endsWith(".drl"))
                || (lower.endsWith(".json") && !name.endsWith(".json"));
        String hint = upperExtension ? " (the extension must be lower case)"
                : lower.contains(".drl.") || lower.contains(".json.") ? " (a copy or backup is not read)" : "";
        return "is not read" + hint + ": this folder holds " + expected + " (and hidden files or .md notes); "
                + "rename " + (directory ? "this folder" : "the file") + " or move it out, so that nothing is silently "
                + "left out";
    }

    /**
     * A rule-set file's text; a file that is not UTF-8 is added to {@code problems} at the line and byte
     * where it stops being UTF-8 (read leniently, a product name or a parameter's key would hold U+FFFD).
     *
     * @param file     the file
     * @param problems receives the problem of a file that is not UTF-8
     * @return the text, or null when the file is not UTF-8
     * @throws IOException if the file cannot be read
     */
    public static String readUtf8(java.nio.file.Path file, java.util.List<org.creditkit.rules.RuleProblem> problems)
            throws java.io.IOException {
        return org.creditkit.core.input.Utf8.readString(file, m -> problems.add(org.creditkit.rules.RuleProblem.of(
                file.toString(), (int) Math.min(Integer.MAX_VALUE, m.line()), (int) Math.min(Integer.MAX_VALUE,
                        m.column()), org.creditkit.core.input.Utf8.notUtf8Text(m.where())))).orElse(null);
    }
}
