package jipan.api;

import jakarta.validation.constraints.Size;

/**
 * How to roll back: {@code emergency: true} goes live without approval even when approval is required, and then needs
 * {@code reason}, which the activation log keeps.
 */
public record RollbackRequest(Boolean emergency, @Size(max = 1_000) String reason) {
    public boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }
}
