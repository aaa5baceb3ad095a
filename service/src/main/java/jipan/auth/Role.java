package jipan.auth;

/**
 * What a caller may do. {@code INTEGRATION} classifies and stores data; {@code ANALYST} may in addition
 * validate, test, preview and publish rules and read reports; {@code SERVICE} (service managers and advisors) reads
 * reports and customers and works the call lists; {@code VIEWER} reads reports; {@code APPROVER} reviews the rules
 * and decides the publish requests others made (with {@code rules.approval: required}).
 */
public enum Role {
    INTEGRATION, ANALYST, SERVICE, VIEWER, APPROVER
}
