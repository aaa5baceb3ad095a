package jipan.core.facts;

/** What a complaint was about. */
public enum ComplaintSubject {
    VEHICLE_QUALITY, SALES_STAFF, SERVICE_STAFF, EVENT
}
