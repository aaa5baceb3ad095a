package jipan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** New values for thresholds of the live rules: {@code POST /api/v1/rules/settings/changes} answers the files. */
public record SettingChanges(@NotEmpty @Size(max = 500) List<@Valid @NotNull Change> changes) {

    /** One new value: which setting ({@code file}, {@code type}, {@code name}) and the value as text. */
    public record Change(@NotNull @Size(max = 200) String file, @NotNull @Size(max = 200) String type,
                         @NotNull @Size(max = 200) String name, @NotNull @Size(max = 30) String value) {
    }
}
