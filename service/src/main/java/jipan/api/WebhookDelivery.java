package jipan.api;

import java.time.Instant;

/**
 * One webhook message to one endpoint: its event, the message sent, where it stands ({@code pending}, {@code
 * delivered}, {@code failed}), how many attempts, the last status and answer, and when it is tried again.
 */
public record WebhookDelivery(long id, String endpoint, String url, String event, String state, int attempts,
                              Integer lastStatus, String lastAnswer, Instant createdAt, Instant nextAttemptAt,
                              Instant deliveredAt, String body) {
}
