package jipan.core;

/**
 * A rule that fired for a customer, the sentence it gave for what it decided, and its topic: the rule file it
 * is written in, without {@code .drl} ({@code tiers}, {@code churn}, {@code loyalty}, {@code grade},
 * {@code lifecycle}, {@code defeat}, {@code window} …).
 */
public record Reason(String rule, String message, String topic) {
}
