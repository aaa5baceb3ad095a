package jipan.webhooks;

import java.util.Locale;

/** What a webhook is sent for; {@link #code()} is the message's {@code event} and the configuration's name for it. */
public enum WebhookEvent {
    /** A classification run finished: its id, date, customers. */
    RUN_FINISHED,
    /** A classification run failed: its id and the reason. */
    RUN_FAILED,
    /** A finished run's call lists can be worked: the run, its date and how many tasks it listed. */
    CALL_LIST_READY,
    /** An import failed: its id, kind and the reason. */
    IMPORT_FAILED,
    /** A candidate rule set was refused: its version, the live one that stays, the reasons. */
    RULES_REFUSED,
    /** The live rule set did not settle for a customer and was taken out of service. */
    RULES_OUT_OF_SERVICE,
    /** A publish request waits for another person's decision. */
    PUBLISH_REQUEST_WAITING;

    /** {@code run.finished}, {@code publish-request.waiting} …: as sent and as configured. */
    public String code() {
        return switch (this) {
            case RUN_FINISHED -> "run.finished";
            case RUN_FAILED -> "run.failed";
            case CALL_LIST_READY -> "call-list.ready";
            case IMPORT_FAILED -> "import.failed";
            case RULES_REFUSED -> "rules.refused";
            case RULES_OUT_OF_SERVICE -> "rules.out-of-service";
            case PUBLISH_REQUEST_WAITING -> "publish-request.waiting";
        };
    }

    /** The event a code names; {@code *} is every event. */
    public static WebhookEvent of(String code) {
        for (WebhookEvent event : values()) {
            if (event.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return event;
            }
        }
        throw new IllegalArgumentException("no webhook event " + code);
    }
}
