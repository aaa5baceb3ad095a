package jipan.core;

/**
 * A rule that fired for a customer and what it said about its decision, in the form that serves every language
 * ({@link Sentence}; {@link RuleTexts#text(Reason, Lang)} reads it in one), and its topic: the rule file it is
 * written in, without {@code .drl} ({@code tiers}, {@code churn}, {@code loyalty}, {@code grade},
 * {@code lifecycle}, {@code defeat}, {@code window} …).
 */
public record Reason(String rule, String topic, Sentence said) {
}
