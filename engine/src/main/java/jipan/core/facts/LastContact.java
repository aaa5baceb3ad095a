package jipan.core.facts;

import java.time.LocalDate;
import java.util.Collection;

/**
 * When the dealership last had the customer in front of it or on the phone, derived once by a rule for the
 * contact plan: the later of the last visit and the last call recorded as DONE (null when neither exists).
 */
public final class LastContact {
    private final LocalDate date;
    private final boolean byCall;

    public LastContact(LocalDate lastVisit, Collection<Contact> contacts) {
        LocalDate latest = lastVisit;
        boolean call = false;
        for (Contact contact : contacts) {
            if (contact.getOutcome() == ContactOutcome.DONE && contact.getDate() != null
                    && (latest == null || contact.getDate().isAfter(latest))) {
                latest = contact.getDate();
                call = true;
            }
        }
        this.date = latest;
        this.byCall = call;
    }

    /** The day of the last contact, or null. */
    public LocalDate getDate() { return date; }
    /** Whether the last contact was a call (otherwise a visit). */
    public boolean isByCall() { return byCall; }
}
