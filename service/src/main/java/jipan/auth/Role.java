package jipan.auth;

/**
 * What a caller may do. {@code INTEGRATION} classifies and stores data; {@code ANALYST} may in addition
 * validate, test, preview and publish rules and read reports; {@code SERVICE} (service managers and advisors) reads
 * reports and customers and works the call lists; {@code VIEWER} reads reports.
 */
public enum Role {
    INTEGRATION, ANALYST, SERVICE, VIEWER
}
