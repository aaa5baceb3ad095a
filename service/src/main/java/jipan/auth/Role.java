package jipan.auth;

/**
 * What a caller may do. {@code INTEGRATION} classifies and stores data; {@code ANALYST} may in addition
 * validate, test, preview and publish rules and read reports; {@code VIEWER} reads reports.
 */
public enum Role {
    INTEGRATION, ANALYST, VIEWER
}
