package org.creditkit.rules;

/**
 * Options of the rule-file linter.
 *
 * @param allowFunctions whether DRL {@code function} blocks are allowed (off by default: functions
 *        are arbitrary Java outside any rule)
 */
public record LintOptions(boolean allowFunctions) {

    /** The default: functions rejected. */
    public static final LintOptions DEFAULT = new LintOptions(false);

    /**
     * Creates options.
     *
     * @param allowFunctions whether function blocks are allowed
     * @return the options
     */
    public static LintOptions of(boolean allowFunctions) {
        return new LintOptions(allowFunctions);
    }
}
