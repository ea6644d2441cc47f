package gov.commerce.aiexports.runtime.config;

import io.smallrye.config.EnvConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Secrets from files, as container platforms mount them: an environment variable {@code NAME_FILE}
 * holding a path gives the setting {@code NAME} the file's content (trailing line breaks cut), e.g.
 * {@code DATABASE_PASSWORD_FILE=/run/secrets/proposals_db_password} or
 * {@code QUARKUS_MAILER_PASSWORD_FILE=...}. Names are matched as environment variables are
 * ({@code QUARKUS_MAILER_PASSWORD} is {@code quarkus.mailer.password}; {@code KAFKA_SASL_JAAS_CONFIG_FILE}
 * reaches the Kafka clients as {@code sasl.jaas.config}). Only the service's own families of
 * settings are read so ({@code AIEXPORTS_, DATABASE_, KAFKA_, MP_, QUARKUS_, SMTP_}): a machine's
 * unrelated variables such as {@code SSL_CERT_FILE} are none of its business. The variable {@code NAME}
 * itself, when set too, wins (its ordinal is higher). A file that cannot be read stops the start
 * with its name: a service must not run with a secret silently missing.
 */
public class SecretFilesConfigSource extends EnvConfigSource {

    /** Below the environment (300), above application.properties (250). */
    public static final int ORDINAL = 290;
    private static final Pattern NAME = Pattern.compile("(AIEXPORTS|DATABASE|KAFKA|MP|QUARKUS|SMTP)_[A-Z0-9_]+_FILE");
    /** Read by the service itself as a path (AuditSigningKey): left alone. */
    private static final Set<String> OWN_FILE_SETTINGS = Set.of("AIEXPORTS_AUDIT_SIGNING_KEY_FILE");

    public SecretFilesConfigSource() {
        super(read(System.getenv()), ORDINAL);
    }

    @Override
    public String getName() {
        return "secret files (*_FILE variables)";
    }

    static Map<String, String> read(Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        environment.forEach((name, path) -> {
            if (!NAME.matcher(name).matches() || OWN_FILE_SETTINGS.contains(name) || path == null || path.isBlank()) {
                return;
            }
            try {
                String content = Files.readString(Path.of(path), StandardCharsets.UTF_8);
                values.put(name.substring(0, name.length() - "_FILE".length()), content.replaceAll("[\r\n]+$", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(name + " names " + path + ", which cannot be read", e);
            }
        });
        return values;
    }
}
