package jipan.api;

import java.time.LocalDateTime;

/**
 * One entry of the activation log: a rule set going live (its version, how, who, why and what it replaced), or a
 * step of a publish request ({@code version} null, {@code request} its id, {@code hash} its candidate).
 */
public record RuleActivation(Long version, String hash, String how, String author, String comment, String from,
                             LocalDateTime at, Long request) {
}
