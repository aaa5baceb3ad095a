package jipan.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call the API. {@code mode: keys} (API keys, each with a role; only a SHA-256 hash of each key is
 * configured) or {@code mode: none}, which switches authentication off and must be written out on purpose.
 */
public class AuthSettings {

    /**
     * One API key: a name for the logs, its role, the hex SHA-256 of the key ({@code sha256sum}) and the person who
     * holds it ({@code person}, default: the name) — one person's keys count as one person when a change needs
     * another person's approval.
     */
    public static class ApiKey {
        @NotBlank
        @Size(max = 100)
        private String name;
        @Size(max = 100)
        private String person;
        @NotNull
        private Role role;
        @NotBlank
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be the 64 hex digits of the key's SHA-256")
        private String sha256;
        /** The stores the key is limited to (their codes); empty: the whole group. */
        @NotNull
        @Size(max = 1000)
        private List<@Pattern(regexp = jipan.stores.Stores.CODE, message = "must be a store code") String> stores =
                new ArrayList<>();

        @JsonProperty public List<String> getStores() { return stores; }
        @JsonProperty public void setStores(List<String> stores) { this.stores = stores; }

        @JsonProperty public String getName() { return name; }
        @JsonProperty public void setName(String name) { this.name = name; }
        @JsonProperty public String getPerson() { return person; }
        @JsonProperty public void setPerson(String person) { this.person = person; }

        /** Who holds the key: {@code person}, else the key's name. */
        public String holder() {
            return person == null || person.isBlank() ? name : person.strip();
        }
        @JsonProperty public Role getRole() { return role; }
        @JsonProperty public void setRole(Role role) { this.role = role; }
        @JsonProperty public String getSha256() { return sha256; }
        @JsonProperty public void setSha256(String sha256) { this.sha256 = sha256; }
    }

    /** {@code keys} or {@code none}; there is no default, so an open service is always a written choice. */
    @NotNull
    @Pattern(regexp = "keys|none", message = "must be keys or none")
    private String mode;

    @Valid
    @NotNull
    private List<ApiKey> keys = new ArrayList<>();

    @JsonProperty public String getMode() { return mode; }
    @JsonProperty public void setMode(String mode) { this.mode = mode; }
    @JsonProperty public List<ApiKey> getKeys() { return keys; }
    @JsonProperty public void setKeys(List<ApiKey> keys) { this.keys = keys; }
}
