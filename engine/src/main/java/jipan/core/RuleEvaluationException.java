package jipan.core;

/** The rules ran but gave no usable answer: contradicting decisions, or a rule that would not stop firing. */
public final class RuleEvaluationException extends RuntimeException {
    public RuleEvaluationException(String message) {
        super(message);
    }
}
