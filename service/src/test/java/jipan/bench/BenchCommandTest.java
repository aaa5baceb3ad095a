package jipan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jipan.cli.CommandLine;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --requests-out}: the request bodies a load generator such as wrk sends, one per line. */
class BenchCommandTest {
    @RegisterExtension
    final CommandLine cli = new CommandLine();

    @Test
    void writesOneSingleCustomerClassifyRequestALineThatTheServiceReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bodies.jsonl");

        Optional<Throwable> error = cli.run("bench", "--data", "realistic", "--customers", "40", "--requests-out",
                out.toString());

        assertThat(error).isEmpty();
        assertThat(cli.out()).contains("wrote 40 single-customer classify requests to " + out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(40);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            ClassifyRequest request = new CustomerFactsReader().readClassifyRequest(json.readTree(lines.get(i)));
            assertThat(request.customers()).singleElement()
                    .satisfies(customer -> assertThat(customer.customer().getId()).startsWith("D"));
        }
        assertThat(lines).anyMatch(line -> line.contains("\"leads\":[{"));
    }
}
