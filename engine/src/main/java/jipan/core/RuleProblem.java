package jipan.core;

/**
 * One message of the rule compiler, located in a rule file: at a line and column of a DRL file, or at the
 * sheet and cell of a decision table ({@code cell} = {@code Categories!C7}; the line is then the line of the
 * DRL the table generated).
 */
public record RuleProblem(String file, int line, int column, String severity, String message, String cell) {
    public RuleProblem(String file, int line, int column, String severity, String message) {
        this(file, line, column, severity, message, null);
    }

    @Override
    public String toString() {
        return cell != null ? file + "!" + cell + ": " + message
                : DecisionTables.isTable(file) ? file + ": " + message
                : file + ":" + line + ":" + column + " " + message;
    }
}
