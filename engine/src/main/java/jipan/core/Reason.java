package jipan.core;

/** A rule that fired for a customer, and the sentence it gave for what it decided. */
public record Reason(String rule, String message) {
}
