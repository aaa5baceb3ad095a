package jipan.core;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile; every error is listed as {@code file:line:column message}. */
public final class RuleCompilationException extends RuntimeException {
    private final List<RuleProblem> errors;

    public RuleCompilationException(List<RuleProblem> errors) {
        super("rules do not compile (" + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "):\n"
                + errors.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleProblem> errors() {
        return errors;
    }
}
