package jipan.db;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;

/**
 * What a user is shown when background work (a classification run, an import) fails: one short sentence and the id
 * of the log entry that has the whole failure. A failure of the database is never shown as it came — its message is
 * the failed SQL with the values of the batch, customers' names, phones and results among them — only the log has
 * it. The work's own refusals (a customer the store does not have, a file that cannot be read) keep their sentence.
 */
public final class Failures {
    private static final SecureRandom IDS = new SecureRandom();
    private static final int LONGEST = 300;

    private Failures() {
    }

    /** Logs {@code failure} under a new id and returns the sentence for the user: {@code what} failed, and why. */
    public static String logged(Logger log, String what, Throwable failure) {
        String id = "E-" + HexFormat.of().formatHex(IDS.generateSeed(4));
        log.error("{} failed [{}]", what, id, failure);
        if (fromTheDatabase(failure)) {
            return what + " failed: the database refused to read or write it (log entry " + id + ")";
        }
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage().strip().lines().findFirst().orElse("");
        return (message.length() > LONGEST ? message.substring(0, LONGEST) + "…" : message) + " (log entry " + id + ")";
    }

    /**
     * Why the database refused one row of an import, in words (by the failure's SQL state), never its message — which
     * carries the statement and the values of the batch. Anything else is logged under an id, as {@link #logged}.
     */
    public static String rowRefused(Logger log, String what, Throwable failure) {
        String state = null;
        for (Throwable cause = failure; cause != null && state == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String reason = state == null ? null : switch (state) {
            case "22001" -> "a value is longer than the store's column allows";
            case "22003" -> "a number is out of the range the store allows";
            case "23502" -> "a value the store requires is empty";
            case "23503" -> "it refers to a record the store does not have";
            case "23505" -> "its key is already used by another record";
            default -> null;
        };
        if (reason != null) {
            return "the database refused the row: " + reason;
        }
        String id = "E-" + HexFormat.of().formatHex(IDS.generateSeed(4));
        log.warn("{}: the database refused it [{}]", what, id, failure);
        return "the database refused the row (log entry " + id + ")";
    }

    private static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof JdbiException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
