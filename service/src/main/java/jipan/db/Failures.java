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
