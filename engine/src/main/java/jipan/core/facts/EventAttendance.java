package jipan.core.facts;

import java.time.LocalDate;

/** The customer's invitation to a dealer event, and what came of it. */
public final class EventAttendance {
    private final String eventId;
    private final LocalDate date;
    private final boolean attended;
    private final int broughtProspects;

    public EventAttendance(String eventId, LocalDate date, boolean attended, int broughtProspects) {
        this.eventId = eventId;
        this.date = date;
        this.attended = attended;
        this.broughtProspects = broughtProspects;
    }

    public String getEventId() { return eventId; }
    public LocalDate getDate() { return date; }
    public boolean isAttended() { return attended; }
    public int getBroughtProspects() { return broughtProspects; }
}
