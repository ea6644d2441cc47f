package gov.commerce.aiexports.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSigningKeyTest {

    @TempDir
    Path dir;

    private static AuditSigningKey key(Optional<String> inline, Optional<String> file, boolean ephemeral, String... previous) {
        AuditSigningKey k = new AuditSigningKey();
        k.inline = inline;
        k.file = file;
        k.previous = previous.length == 0 ? Optional.empty() : Optional.of(List.of(previous));
        k.allowEphemeral = ephemeral;
        k.serviceName = "proposals-service";
        return k;
    }

    @Test
    void without_a_key_a_production_service_refuses_to_start() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> key(Optional.empty(), Optional.empty(), false).pair());
        assertTrue(e.getMessage().contains("AIEXPORTS_AUDIT_SIGNING_KEY"), e.getMessage());
    }

    @Test
    void dev_and_test_may_sign_with_an_ephemeral_key() {
        assertNotNull(key(Optional.empty(), Optional.empty(), true).pair().getPublic());
    }

    @Test
    void the_key_comes_from_the_variable_or_from_a_pem_file_and_previous_keys_stay_trusted() throws Exception {
        KeyPair pair = AuditVerifier.Keys.generate();
        KeyPair old = AuditVerifier.Keys.generate();
        String b64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        AuditSigningKey inline = key(Optional.of(b64), Optional.empty(), false,
                Base64.getEncoder().encodeToString(old.getPublic().getEncoded()));
        assertEquals(pair.getPublic(), inline.pair().getPublic());
        assertEquals(List.of(pair.getPublic(), old.getPublic()), inline.trusted());
        assertEquals(AuditVerifier.Keys.keyId(pair.getPublic()), inline.published().keyId());

        Path file = Files.writeString(dir.resolve("key.pem"), AuditVerifier.Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        AuditSigningKey fromFile = key(Optional.empty(), Optional.of(file.toString()), false);
        assertEquals(pair.getPublic(), fromFile.pair().getPublic());
        assertThrows(IllegalStateException.class,
                () -> key(Optional.empty(), Optional.of(dir.resolve("missing.pem").toString()), false).pair());
    }
}
