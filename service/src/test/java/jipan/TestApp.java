package jipan;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

/**
 * The service started for a test class, on a test configuration, with a client that waits for slow answers: test
 * JVMs run side by side on two cores, so compiling a rule set or a large batch can take longer than the testing
 * library's 5 s read timeout without anything being wrong.
 */
public final class TestApp extends DropwizardAppExtension<JipanConfiguration> {
    public TestApp(String configPath, ConfigOverride... overrides) {
        super(JipanApplication.class, configPath, overrides);
    }

    @Override
    protected JerseyClientBuilder clientBuilder() {
        return super.clientBuilder().property(ClientProperties.READ_TIMEOUT, 120_000);
    }
}
