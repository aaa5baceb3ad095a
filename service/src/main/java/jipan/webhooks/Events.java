package jipan.webhooks;

import java.util.Map;

/**
 * Where the service says that something happened that people or systems outside may act on: a run finished or failed,
 * a call list is ready, an import failed, a rule set was refused or taken out of service, a publish request waits.
 * {@link Webhooks} sends each to the configured endpoints; {@link #NONE} tells nobody (commands, tests).
 */
@FunctionalInterface
public interface Events {
    Events NONE = (event, data) -> { };

    /** {@code data}: the event's facts (ids, dates, counts, reasons), as the message's {@code data} object. */
    void happened(WebhookEvent event, Map<String, Object> data);
}
