package gov.commerce.aiexports.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token settings from an issuer's discovery document, served by a real HTTP server. */
class OidcDiscoveryConfigSourceTest {

    private static HttpServer serve(String issuerPath, String document, AtomicInteger reads) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(issuerPath + "/.well-known/openid-configuration", exchange -> {
            reads.incrementAndGet();
            byte[] body = document.replace("$BASE", "http://127.0.0.1:" + server.getAddress().getPort())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void the_issuer_and_key_location_come_from_the_discovery_document_read_once() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        HttpServer server = serve("/realms/aiexports",
                "{\"issuer\":\"$BASE/realms/aiexports\",\"jwks_uri\":\"$BASE/realms/aiexports/protocol/openid-connect/certs\"}", reads);
        try {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/aiexports";
            OidcDiscoveryConfigSource source = new OidcDiscoveryConfigSource(name -> issuer);
            assertEquals(Set.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location"), source.getPropertyNames());
            assertEquals(issuer, source.getValue("mp.jwt.verify.issuer"));
            assertEquals(issuer + "/protocol/openid-connect/certs", source.getValue("mp.jwt.verify.publickey.location"));
            assertNull(source.getValue("mp.jwt.verify.audiences"));
            assertEquals(1, reads.get());
            assertTrue(source.getOrdinal() < 300, "the environment still wins");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void without_an_issuer_it_provides_nothing_and_fetches_nothing() {
        OidcDiscoveryConfigSource source = new OidcDiscoveryConfigSource(name -> null);
        assertEquals(Set.of(), source.getPropertyNames());
        assertNull(source.getValue("mp.jwt.verify.issuer"));
    }

    @Test
    void a_document_naming_another_issuer_stops_the_start() throws Exception {
        HttpServer server = serve("/a", "{\"issuer\":\"https://evil.example/a\",\"jwks_uri\":\"https://evil.example/keys\"}",
                new AtomicInteger());
        try {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/a";
            OidcDiscoveryConfigSource source = new OidcDiscoveryConfigSource(name -> issuer);
            assertThrows(IllegalStateException.class, () -> source.getValue("mp.jwt.verify.issuer"));
        } finally {
            server.stop(0);
        }
    }
}
