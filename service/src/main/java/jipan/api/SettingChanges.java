package jipan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** New values for thresholds of the live rules: {@code POST /api/v1/rules/settings/changes} answers the files. */
public record SettingChanges(@NotEmpty @Size(max = 500) List<@Valid @NotNull Change> changes) {

    /**
     * One new value: which setting ({@code file}, {@code type}, {@code name}) and the value as text; with {@code
     * store}, that store's own value (written to store-settings.properties; an empty value removes it, and the store
     * uses the group's value again).
     */
    public record Change(@NotNull @Size(max = 200) String file, @NotNull @Size(max = 200) String type,
                         @NotNull @Size(max = 200) String name, @NotNull @Size(max = 30) String value,
                         @Size(max = 20) String store) {
        public Change(String file, String type, String name, String value) {
            this(file, type, name, value, null);
        }
    }
}
