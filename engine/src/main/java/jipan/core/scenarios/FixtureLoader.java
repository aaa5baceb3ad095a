package jipan.core.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jipan.core.documents.JsonSettings;

/** Reads every {@code *.yml} / {@code *.yaml} file below a directory, in path order. */
public final class FixtureLoader {
    private final ObjectMapper yaml = JsonSettings.apply(new YAMLMapper());

    public List<Fixture> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("fixtures directory " + directory.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Fixture> fixtures = new ArrayList<>();
            for (Path path : (Iterable<Path>) paths.filter(FixtureLoader::isYaml).sorted()::iterator) {
                fixtures.add(read(path, directory.relativize(path).toString().replace('\\', '/')));
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures directory " + directory.toAbsolutePath(), e);
        }
    }

    /** The fixtures of a stored or uploaded set, in path order. */
    public List<Fixture> load(FixtureFiles files) {
        List<Fixture> fixtures = new ArrayList<>();
        files.files().forEach((name, text) -> {
            JsonNode root;
            try {
                root = yaml.readTree(text);
            } catch (IOException e) {
                fixtures.add(broken(name, "not valid YAML: " + e.getMessage()));
                return;
            }
            fixtures.add(fixture(name, root));
        });
        return fixtures;
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private Fixture read(Path path, String name) {
        JsonNode root;
        try {
            root = yaml.readTree(path.toFile());
        } catch (IOException e) {
            return broken(name, "not valid YAML: " + e.getMessage());
        }
        return fixture(name, root);
    }

    private static Fixture fixture(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            return broken(name, "a fixture is a YAML mapping with request: and expect: (or expectErrors:)");
        }
        JsonNode request = root.get("request");
        JsonNode expect = root.get("expect");
        JsonNode expectErrors = root.get("expectErrors");
        if (request == null) {
            return broken(name, "request: is missing (the POST /api/v1/classify body)");
        }
        if ((expect == null || !expect.isObject()) && (expectErrors == null || !expectErrors.isArray())) {
            return broken(name, "expect: (results by customer id) or expectErrors: (a list) is required");
        }
        List<String> errors = new ArrayList<>();
        if (expectErrors != null) {
            expectErrors.forEach(error -> errors.add(error.asText()));
        }
        return new Fixture(name, request, expect, errors, null);
    }

    private static Fixture broken(String name, String why) {
        return new Fixture(name, null, null, List.of(), why);
    }
}
