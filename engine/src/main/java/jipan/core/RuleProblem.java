package jipan.core;

/** One message of the rule compiler, located in a rule file. */
public record RuleProblem(String file, int line, int column, String severity, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + message;
    }
}
