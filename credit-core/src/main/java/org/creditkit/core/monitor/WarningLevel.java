package org.creditkit.core.monitor;

/**
 * The four-colour early-warning level of a loan in a month (红橙黄蓝 as the platform documents grade
 * post-loan warnings), plus {@link #NONE}. Ordered from no concern to act now.
 */
public enum WarningLevel {
    /** No signal. */
    NONE("none", "无预警", "No warning signal."),
    /** Watch: a weak signal, such as stale data. */
    BLUE("blue", "蓝色预警", "Watch: note the signal at the next review."),
    /** Attention: moderate signals; contact the enterprise. */
    YELLOW("yellow", "黄色预警", "Attention: contact the enterprise and verify its situation."),
    /** Serious: several or strong signals; restrict new drawings and prepare measures. */
    ORANGE("orange", "橙色预警", "Serious: freeze unused limit, verify on site, prepare risk measures."),
    /** Act now: default is likely; recover, call guarantees. */
    RED("red", "红色预警", "Act now: stop drawings, start recovery, notify guarantor and fund.");

    private final String english;
    private final String chinese;
    private final String action;

    WarningLevel(String english, String chinese, String action) {
        this.english = english;
        this.chinese = chinese;
        this.action = action;
    }

    /** English name. */
    public String english() {
        return english;
    }

    /** Chinese name. */
    public String chinese() {
        return chinese;
    }

    /** What the level asks the bank to do. */
    public String action() {
        return action;
    }

    /** Whether the level is ORANGE or RED (the levels that call for action). */
    public boolean isSerious() {
        return this == ORANGE || this == RED;
    }
}
