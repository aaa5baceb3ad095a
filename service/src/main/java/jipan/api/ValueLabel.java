package jipan.api;

/** A value a user reads (a tier, a churn state, a task kind …) with its label in Chinese and in English. */
public record ValueLabel(String value, String zh, String en) {
}
