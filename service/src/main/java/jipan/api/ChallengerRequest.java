package jipan.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What {@code PUT /api/v1/rules/challenger} names: the stored rule version {@code seq}. */
public record ChallengerRequest(@NotNull @Min(1) Long seq) {
}
