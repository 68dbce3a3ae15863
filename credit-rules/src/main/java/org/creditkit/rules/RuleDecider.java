package org.creditkit.rules;

/**
 * Anything that decides a scored application: a compiled Drools rule set, the hot-reloading
 * {@link RuleEngine}, or the {@link PlainJavaPolicy} cross-check. Implementations are thread-safe.
 */
public interface RuleDecider {

    /**
     * Decides one application.
     *
     * @param input the scored application
     * @param modelId identifier of the model that scored it, recorded in the decision
     * @return the decision
     * @throws RuleInputException when a rule fails on this input
     */
    Decision decide(RuleInput input, String modelId);

    /**
     * Decides one application scored elsewhere (model id {@code "none"}).
     *
     * @param input the scored application
     * @return the decision
     */
    default Decision decide(RuleInput input) {
        return decide(input, "none");
    }
}
