package jipan.api;

import java.time.LocalDateTime;

/** One activation of the log: the version, how it went live, who, why and what it replaced. */
public record RuleActivation(long version, String hash, String how, String author, String comment, String from,
                             LocalDateTime at) {
}
