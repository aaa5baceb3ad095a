package jipan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jipan.core.RuleFiles;
import jipan.lifecycle.LiveRules;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service starts on the store's active rule set; a rules directory that differs is only a candidate. */
class StartFollowsTheStoreTest {

    private static DropwizardTestSupport<JipanConfiguration> service(Path rules, String database) {
        return new DropwizardTestSupport<>(JipanApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("rules.directory", rules.toString()),
                ConfigOverride.config("database.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"));
    }

    private static void tierAFrom3(Path rules) throws Exception {
        Path tiers = rules.resolve("tiers.drl");
        Files.writeString(tiers, Files.readString(tiers).replace("minVisitsForA : int = 4", "minVisitsForA : int = 3"));
    }

    @Test
    void anEditRefusedByTheFixturesDoesNotGoLiveAtTheNextRestart() throws Exception {
        Path rules = ShippedRules.copy();
        RuleFiles shipped = RuleFiles.readDirectory(rules);
        DropwizardTestSupport<JipanConfiguration> first = service(rules, "start-follows-store");
        first.before();
        first.after();

        tierAFrom3(rules); // edited while the service was down; fails tiers/customer-pay-visit-counts.yml
        DropwizardTestSupport<JipanConfiguration> second = service(rules, "start-follows-store");
        second.before();
        try {
            LiveRules live = ((JipanApplication) second.getApplication()).liveRules();
            assertThat(live.current().rulesetVersion()).isEqualTo(shipped.version());
            assertThat(live.lastRefusal().candidateVersion()).isEqualTo(RuleFiles.readDirectory(rules).version());
            assertThat(live.lastRefusal().reasons()).anyMatch(r -> r.startsWith("fixture tiers/customer-pay-visit-counts.yml"));
        } finally {
            second.after();
        }
    }

    @Test
    void withNoVersionStoredADirectoryThatFailsTheFixturesStopsTheStart(@TempDir Path temp) throws Exception {
        Path rules = ShippedRules.copy();
        tierAFrom3(rules);
        DropwizardTestSupport<JipanConfiguration> app = service(rules, "start-no-version-" + temp.getFileName());
        try {
            assertThatThrownBy(app::before)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the rules directory fails the fixtures, so the service does not start")
                    .hasMessageContaining("fixture tiers/customer-pay-visit-counts.yml fails");
        } finally {
            app.after();
        }
    }

    @Test
    void aDirectoryThatPassesGoesLiveAtStartAndIsRecorded() throws Exception {
        Path rules = ShippedRules.copy();
        DropwizardTestSupport<JipanConfiguration> first = service(rules, "start-accepts-edit");
        first.before();
        first.after();
        Path tiers = rules.resolve("tiers.drl");
        Files.writeString(tiers, Files.readString(tiers) + "\n// reviewed\n");

        DropwizardTestSupport<JipanConfiguration> second = service(rules, "start-accepts-edit");
        second.before();
        try {
            LiveRules live = ((JipanApplication) second.getApplication()).liveRules();
            assertThat(live.current().rulesetVersion()).isEqualTo(RuleFiles.readDirectory(rules).version());
            assertThat(live.lastRefusal()).isNull();
        } finally {
            second.after();
        }
    }

    @Test
    void withApprovalRequiredADirectoryEditedWhileStoppedWaitsForARequest() throws Exception {
        Path rules = ShippedRules.copy();
        RuleFiles shipped = RuleFiles.readDirectory(rules);
        DropwizardTestSupport<JipanConfiguration> first = service(rules, "start-four-eyes");
        first.before();
        first.after();
        Path tiers = rules.resolve("tiers.drl");
        Files.writeString(tiers, Files.readString(tiers) + "\n// edited on the server, reviewed by nobody\n");

        DropwizardTestSupport<JipanConfiguration> second = new DropwizardTestSupport<>(JipanApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("rules.directory", rules.toString()),
                ConfigOverride.config("rules.approval", "required"),
                ConfigOverride.config("database.url", "jdbc:h2:mem:start-four-eyes;DB_CLOSE_DELAY=-1"));
        second.before();
        try {
            LiveRules live = ((JipanApplication) second.getApplication()).liveRules();
            assertThat(live.current().rulesetVersion()).isEqualTo(shipped.version());
            assertThat(live.lastRefusal().reasons()).singleElement().asString().contains("rules.approval is required");
        } finally {
            second.after();
        }
    }

    /**
     * Instances share the store, not their rules directories: an instance that was down while another published
     * still holds the earlier version on its disk. Its start must not publish that version back for every instance.
     */
    @Test
    void aDirectoryLeftAtAnEarlierStoredVersionIsBroughtUpToTheActiveOneNotPublished() throws Exception {
        Path rules = ShippedRules.copy();
        Path staleCopy = ShippedRules.copy(); // this instance's directory: the shipped rules, as first stored
        RuleFiles shipped = RuleFiles.readDirectory(rules);
        DropwizardTestSupport<JipanConfiguration> first = service(rules, "start-stale-copy");
        first.before();
        first.after();
        Path tiers = rules.resolve("tiers.drl");
        Files.writeString(tiers, Files.readString(tiers) + "\n// reviewed\n");
        RuleFiles published = RuleFiles.readDirectory(rules);
        DropwizardTestSupport<JipanConfiguration> publisher = service(rules, "start-stale-copy");
        publisher.before();
        publisher.after();

        DropwizardTestSupport<JipanConfiguration> behind = service(staleCopy, "start-stale-copy");
        behind.before();
        try {
            JipanApplication app = (JipanApplication) behind.getApplication();
            assertThat(app.liveRules().current().rulesetVersion()).isEqualTo(published.version())
                    .isNotEqualTo(shipped.version());
            assertThat(RuleFiles.readDirectory(staleCopy).version()).as("the directory brought up to the active version")
                    .isEqualTo(published.version());
            Jdbi store = Jdbi.create("jdbc:h2:mem:start-stale-copy", "jipan", "");
            List<String> active = store.withHandle(handle -> handle.createQuery(
                    "SELECT hash FROM rule_version WHERE active").mapTo(String.class).list());
            assertThat(active).containsExactly(published.version());
            List<String> activations = store.withHandle(handle -> handle.createQuery(
                    "SELECT how FROM rule_activation ORDER BY id").mapTo(String.class).list());
            assertThat(activations).as("no activation by the instance that was behind").containsExactly("start", "start");
        } finally {
            behind.after();
        }
    }
}
