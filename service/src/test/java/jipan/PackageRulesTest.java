package jipan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may use whom in the service's own code: the benchmark ({@code jipan.bench}) and the demo data
 * ({@code jipan.demo}) are commands of the jar, wired by {@link JipanApplication}; nothing that serves requests
 * uses them. And threads are started in one place only ({@code jipan.concurrent.NamedThreads}).
 */
class PackageRulesTest {
    private static final Path MAIN = Path.of("src/main/java/jipan");
    private static final Pattern USES_TOOLS = Pattern.compile("\\bjipan\\.(bench|demo)\\.");
    private static final Pattern STARTS_THREADS = Pattern.compile("new Thread\\(|Executors\\.new");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static boolean inPackage(Path file, String name) {
        return MAIN.relativize(file).startsWith(name);
    }

    @Test
    void servingCodeDoesNotUseTheBenchmarkOrTheDemoData() throws IOException {
        List<String> uses = new ArrayList<>();
        for (Path file : sources()) {
            if (inPackage(file, "bench") || inPackage(file, "demo") || file.endsWith("JipanApplication.java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (USES_TOOLS.matcher(lines.get(i)).find()) {
                    uses.add(MAIN.relativize(file) + ":" + (i + 1) + " " + lines.get(i).strip());
                }
            }
        }
        assertThat(sources()).hasSizeGreaterThan(100);
        assertThat(uses).isEmpty();
    }

    @Test
    void threadsAreStartedOnlyThroughNamedThreads() throws IOException {
        List<String> starts = new ArrayList<>();
        for (Path file : sources()) {
            if (file.endsWith("NamedThreads.java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (STARTS_THREADS.matcher(lines.get(i)).find()) {
                    starts.add(MAIN.relativize(file) + ":" + (i + 1) + " " + lines.get(i).strip());
                }
            }
        }
        assertThat(starts).isEmpty();
    }
}
