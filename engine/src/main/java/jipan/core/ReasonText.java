package jipan.core;

/**
 * A reason as a reader reads it, in one language: the rule ({@code rule}, its identity), its display name in that
 * language ({@code name}), the sentence ({@code message}) and the topic.
 */
public record ReasonText(String rule, String name, String message, String topic) {
}
