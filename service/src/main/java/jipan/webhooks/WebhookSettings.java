package jipan.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the service sends its webhooks: each endpoint a name, a URL, a secret (the HMAC-SHA256 key of its signature)
 * and the events it wants ({@code *}: all). Failed deliveries are tried again, waiting {@code firstRetrySeconds}, then
 * twice as long each time (at most an hour), for {@code retryForHours}.
 */
public class WebhookSettings {

    /** One receiver. */
    public static class Endpoint {
        @NotBlank
        @Size(max = 100)
        private String name;
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        private String url;
        @NotBlank
        @Size(min = 16, max = 200, message = "must be 16 to 200 characters: the key every message is signed with")
        private String secret;
        @NotNull
        @Size(min = 1, message = "must name at least one event (or *)")
        private List<String> events = new ArrayList<>(List.of("*"));

        @JsonProperty public String getName() { return name; }
        @JsonProperty public void setName(String name) { this.name = name; }
        @JsonProperty public String getUrl() { return url; }
        @JsonProperty public void setUrl(String url) { this.url = url; }
        @JsonProperty public String getSecret() { return secret; }
        @JsonProperty public void setSecret(String secret) { this.secret = secret; }
        @JsonProperty public List<String> getEvents() { return events; }
        @JsonProperty public void setEvents(List<String> events) { this.events = events; }

        /** Whether this endpoint wants {@code event}. */
        public boolean wants(WebhookEvent event) {
            return events.stream().anyMatch(name -> name.strip().equals("*") || WebhookEvent.of(name) == event);
        }
    }

    @Valid
    @NotNull
    private List<Endpoint> endpoints = new ArrayList<>();

    @Min(1)
    @Max(3600)
    private int firstRetrySeconds = 10;

    @Min(1)
    @Max(168)
    private int retryForHours = 24;

    @JsonProperty public List<Endpoint> getEndpoints() { return endpoints; }
    @JsonProperty public void setEndpoints(List<Endpoint> endpoints) { this.endpoints = endpoints; }
    @JsonProperty public int getFirstRetrySeconds() { return firstRetrySeconds; }
    @JsonProperty public void setFirstRetrySeconds(int seconds) { this.firstRetrySeconds = seconds; }
    @JsonProperty public int getRetryForHours() { return retryForHours; }
    @JsonProperty public void setRetryForHours(int hours) { this.retryForHours = hours; }

    /** Every event name the endpoints give is known: refused at start naming the endpoint and the name. */
    public void check() {
        for (Endpoint endpoint : endpoints) {
            for (String name : endpoint.getEvents()) {
                if (!name.strip().equals("*")) {
                    try {
                        WebhookEvent.of(name);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("webhooks.endpoints[" + endpoint.getName() + "].events: no "
                                + "event " + name + " (events: *, " + java.util.Arrays.stream(WebhookEvent.values())
                                .map(WebhookEvent::code).toList() + ")");
                    }
                }
            }
        }
    }
}
