package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jipan.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;

/**
 * A compiled rule set kept on disk is a shortcut, never trusted: loaded, it answers as the compilation did; an
 * entry whose classes the verifier refuses is not loaded, and removed.
 */
class CompiledRulesDiskTest {

    @Test
    void aKeptModuleLoadsAsTheRuleSetItWasCompiledFrom(@TempDir Path directory) throws Exception {
        CompiledRulesDisk disk = new CompiledRulesDisk(directory);
        RuleFiles files = ShippedRules.FILES;
        RuleFiles drl = drlOf(files);
        String key = disk.key(drl);
        assertThat(key).hasSize(64);
        assertThat(Files.getPosixFilePermissions(directory)).isNotEmpty();

        // the module the compilation of the shipped rules kept in this JVM's default directory (compiled fresh and
        // written, or loaded from there); where the default directory cannot be used, one compiled into its own
        CompiledRules compiled = ShippedRules.compiled();
        byte[] module = CompiledRulesDisk.DEFAULT.read(CompiledRulesDisk.DEFAULT.key(drl)).orElse(null);
        if (module == null) {
            CompiledRulesDisk own = new CompiledRulesDisk(Files.createTempDirectory("jipan-compiled-"));
            new RuleCompiler(own).compileFresh(files);
            module = own.read(own.key(drl)).orElseThrow();
        }
        disk.write(key, module);
        CompiledRules loaded = RuleCompiler.load(KieServices.get(), files, drl, RuleSources.parse(drl), disk, key,
                disk.read(key).orElseThrow()).orElseThrow();

        assertThat(loaded.ruleNames()).isEqualTo(compiled.ruleNames());
        assertThat(loaded.version()).isEqualTo(compiled.version());
        assertThat(loaded.texts().name("Tier A: frequent customer-pay visitor", Lang.ZH))
                .isEqualTo(compiled.texts().name("Tier A: frequent customer-pay visitor", Lang.ZH));
        var request = new jipan.core.documents.CustomerFactsReader().readClassifyRequest(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(Path.of("../fixtures/spec-example.yml").toFile()).get("request"));
        assertThat(new Classifier(loaded, 10_000).classify(request.asOf(), request.customers()))
                .isEqualTo(new Classifier(compiled, 10_000).classify(request.asOf(), request.customers()));
        try (var list = Files.list(directory)) {
            assertThat(list.map(p -> p.getFileName().toString())).as("the load's private copy is gone")
                    .containsExactly(key + ".jar");
        }
    }

    @Test
    void anEntryWhoseClassesTheVerifierRefusesIsNotLoadedAndIsRemoved(@TempDir Path directory) throws Exception {
        CompiledRulesDisk disk = new CompiledRulesDisk(directory);
        RuleFiles drl = drlOf(ShippedRules.FILES);
        String key = disk.key(drl);
        // a class that calls System.exit, in a module that claims to be the shipped rules
        byte[] exits = Files.readAllBytes(Path.of("target/test-classes/jipan/core/CompiledRulesDiskTest$Exits.class"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("jipan/core/CompiledRulesDiskTest$Exits.class"));
            zip.write(exits);
            zip.putNextEntry(new ZipEntry("META-INF/maven/jipan/rules/pom.properties"));
            zip.write("groupId=jipan\nartifactId=rules\nversion=1.0.1-1\n".getBytes());
        }
        disk.write(key, bytes.toByteArray());

        assertThat(RuleCompiler.load(KieServices.get(), ShippedRules.FILES, drl, RuleSources.parse(drl), disk, key,
                disk.read(key).orElseThrow())).isEmpty();
        assertThat(disk.read(key)).isEmpty();
    }

    /** What a rule set under test would do if it were loaded. */
    static final class Exits {
        static void run() {
            System.exit(3);
        }
    }

    private static RuleFiles drlOf(RuleFiles files) {
        Map<String, String> drl = new HashMap<>(files.files());
        files.files().forEach((name, text) -> {
            if (DecisionTables.isTable(name)) {
                drl.put(name, DecisionTables.generate(name, text).drl());
            }
        });
        return new RuleFiles(drl);
    }
}
