package gov.commerce.aiexports.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void a_file_variable_gives_its_setting_the_file_content_without_the_final_line_break() throws Exception {
        Path password = Files.writeString(dir.resolve("db_password"), "s3cret pass\n");
        Path smtp = Files.writeString(dir.resolve("smtp_password"), "mail\r\n");
        Map<String, String> values = SecretFilesConfigSource.read(Map.of(
                "DATABASE_PASSWORD_FILE", password.toString(),
                "QUARKUS_MAILER_PASSWORD_FILE", smtp.toString(),
                "AIEXPORTS_AUDIT_SIGNING_KEY_FILE", "/the/service/reads/this/path/itself",
                "PATH", "/usr/bin",
                // not one of the service's settings: never read, even when it names no readable file
                "TF_CLI_CONFIG_FILE", dir.resolve("absent").toString(),
                "SSL_CERT_FILE", password.toString()));
        assertEquals(Map.of("DATABASE_PASSWORD", "s3cret pass", "QUARKUS_MAILER_PASSWORD", "mail"), values);
    }

    @Test
    void the_setting_is_found_by_its_dotted_name_as_an_environment_variable_is() throws Exception {
        Path smtp = Files.writeString(dir.resolve("smtp_password"), "mail");
        var source = new io.smallrye.config.EnvConfigSource(SecretFilesConfigSource.read(Map.of(
                "QUARKUS_MAILER_PASSWORD_FILE", smtp.toString())), SecretFilesConfigSource.ORDINAL);
        assertEquals("mail", source.getValue("quarkus.mailer.password"));
        assertTrue(SecretFilesConfigSource.ORDINAL < 300, "the variable itself wins over its file");
    }

    @Test
    void an_unreadable_file_stops_the_start_naming_the_variable() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SecretFilesConfigSource.read(Map.of(
                "DATABASE_PASSWORD_FILE", dir.resolve("missing").toString())));
        assertTrue(e.getMessage().contains("DATABASE_PASSWORD_FILE"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }
}
