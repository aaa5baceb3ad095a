package jipan.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry schedule and the events an endpoint may name. */
class WebhookSettingsTest {

    private static WebhookSettings.Endpoint endpoint(String... events) {
        WebhookSettings.Endpoint endpoint = new WebhookSettings.Endpoint();
        endpoint.setName("crm");
        endpoint.setUrl("http://127.0.0.1:1/hook");
        endpoint.setSecret("sixteen characters at least");
        endpoint.setEvents(List.of(events));
        return endpoint;
    }

    @Test
    void aFailedDeliveryWaitsTwiceAsLongEachTimeAtMostAnHour() {
        WebhookSettings settings = new WebhookSettings();
        Webhooks webhooks = new Webhooks(null, null, settings, "test");

        assertThat(webhooks.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(webhooks.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(webhooks.backoff(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(webhooks.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(webhooks.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anEndpointWantsTheEventsItNamesAndAnUnknownNameIsRefusedAtStart() {
        assertThat(endpoint("run.finished").wants(WebhookEvent.RUN_FINISHED)).isTrue();
        assertThat(endpoint("run.finished").wants(WebhookEvent.RUN_FAILED)).isFalse();
        assertThat(endpoint("*").wants(WebhookEvent.PUBLISH_REQUEST_WAITING)).isTrue();
        WebhookSettings settings = new WebhookSettings();
        settings.setEndpoints(List.of(endpoint("run.finished", "run.finnished")));

        assertThatThrownBy(settings::check).hasMessageStartingWith("webhooks.endpoints[crm].events: no event run.finnished")
                .hasMessageContaining("run.failed");
        assertThatThrownBy(() -> new Webhooks(null, null, settings, "test")).isInstanceOf(IllegalArgumentException.class);
    }
}
