package jipan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/imports.md tells a dealer every kind, field and header the importer understands. */
class ImportDocsTest {
    @Test
    void theImportsPageListsEveryKindFieldAndHeader() throws Exception {
        String docs = Files.readString(Path.of("../docs/imports.md"));
        for (ImportKind kind : ImportKind.values()) {
            int section = docs.indexOf("### `" + kind.cliName() + "`");
            assertThat(section).as(kind.cliName()).isNotNegative();
            int end = docs.indexOf("\n### ", section + 1);
            String table = docs.substring(section, end < 0 ? docs.length() : end);
            kind.defaultHeaders().forEach((field, headers) -> {
                String row = table.lines().filter(line -> line.startsWith("| `" + field + "` |")).findFirst()
                        .orElseThrow(() -> new AssertionError(kind.cliName() + "." + field + " is not in docs/imports.md"));
                assertThat(row).as(kind.cliName() + "." + field).contains(headers);
            });
            kind.required().forEach(field -> assertThat(table).contains("`" + field + "`"));
        }
    }
}
