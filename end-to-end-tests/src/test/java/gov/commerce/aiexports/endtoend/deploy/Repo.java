package gov.commerce.aiexports.endtoend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's deployment files, read strictly (a key given twice is an error, as Compose and kubectl treat it). */
final class Repo {

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(String relative) {
        Object doc = yaml().load(read(relative));
        if (!(doc instanceof Map)) {
            throw new AssertionError(relative + " is not a YAML mapping");
        }
        return (Map<String, Object>) doc;
    }

    /** Every document of a multi-document YAML file. */
    static List<Object> yamlDocuments(String relative) {
        List<Object> docs = new ArrayList<>();
        yaml().loadAll(read(relative)).forEach(d -> {
            if (d != null) {
                docs.add(d);
            }
        });
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
