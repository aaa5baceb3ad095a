package jipan.stores;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One 4S store of the group ({@code stores:} in the configuration, a list): its code (as the data, the keys and the
 * URLs name it), its name in Chinese and in English, and the directory its nightly DMS exports are dropped into
 * ({@code inbox}). Without a list the service has one store, {@code default} (本店), which is where data stored
 * before stores existed is.
 */
public class StoreSettings {
    @NotBlank
    @Pattern(regexp = Stores.CODE, message = "must be 1 to 20 letters, digits, - or _")
    private String code;
    @NotBlank
    @Size(max = 100)
    private String name;
    @Size(max = 100)
    private String nameEn;
    @Size(max = 1000)
    private String inbox;

    public StoreSettings() {
    }

    public StoreSettings(String code, String name, String nameEn, String inbox) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.inbox = inbox;
    }

    @JsonProperty public String getCode() { return code; }
    @JsonProperty public void setCode(String code) { this.code = code; }
    @JsonProperty public String getName() { return name; }
    @JsonProperty public void setName(String name) { this.name = name; }
    @JsonProperty public String getNameEn() { return nameEn; }
    @JsonProperty public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    @JsonProperty public String getInbox() { return inbox; }
    @JsonProperty public void setInbox(String inbox) { this.inbox = inbox; }
}
