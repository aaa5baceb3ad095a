package jipan.core.facts;

/** Who does a follow-up. */
public enum Assignee {
    SERVICE_ADVISOR, SALES, MANAGER
}
