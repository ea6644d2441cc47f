package gov.commerce.aiexports.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Takes the token verification settings from an OpenID Connect issuer's discovery document: with
 * {@code AIEXPORTS_OIDC_ISSUER} (or the system property {@code aiexports.oidc.issuer}) set to the
 * issuer's URL, {@code <issuer>/.well-known/openid-configuration} is read once at start and gives
 * {@code mp.jwt.verify.issuer} (its {@code issuer}) and {@code mp.jwt.verify.publickey.location}
 * (its {@code jwks_uri}, whose keys smallrye-jwt fetches and refreshes as the provider rotates
 * them). Its ordinal (275) is above the application's files and below the environment, so an
 * explicit {@code MP_JWT_VERIFY_ISSUER} or {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} still wins.
 * A discovery document that cannot be read stops the start, rather than running with no key.
 */
public class OidcDiscoveryConfigSource implements ConfigSource {

    public static final String ISSUER_ENV = "AIEXPORTS_OIDC_ISSUER";
    public static final String ISSUER_PROPERTY = "aiexports.oidc.issuer";
    static final String VERIFY_ISSUER = "mp.jwt.verify.issuer";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    private static final Set<String> PROVIDED = Set.of(VERIFY_ISSUER, KEY_LOCATION);

    private final Function<String, String> settings;
    private volatile Map<String, String> discovered;

    public OidcDiscoveryConfigSource() {
        this(name -> System.getProperty(ISSUER_PROPERTY, System.getenv(ISSUER_ENV)));
    }

    OidcDiscoveryConfigSource(Function<String, String> settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        return issuer() == null ? Set.of() : PROVIDED;
    }

    @Override
    public String getValue(String name) {
        if (!PROVIDED.contains(name) || issuer() == null) {
            return null;
        }
        return discovered().get(name);
    }

    @Override
    public String getName() {
        return "oidc-discovery";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    private String issuer() {
        String issuer = settings.apply(ISSUER_PROPERTY);
        return issuer == null || issuer.isBlank() ? null : issuer.trim();
    }

    private Map<String, String> discovered() {
        Map<String, String> d = discovered;
        if (d == null) {
            synchronized (this) {
                if (discovered == null) {
                    discovered = discover(issuer());
                }
                d = discovered;
            }
        }
        return d;
    }

    static Map<String, String> discover(String issuer) {
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/.well-known/openid-configuration";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the OpenID Connect discovery document " + url + " answered " + response.statusCode());
            }
            JsonNode doc = new ObjectMapper().readTree(response.body());
            String declared = doc.path("issuer").asText(null);
            String jwks = doc.path("jwks_uri").asText(null);
            if (declared == null || jwks == null) {
                throw new IllegalStateException("the OpenID Connect discovery document " + url + " names no issuer or jwks_uri");
            }
            // the specification: the document's issuer is exactly the issuer it was fetched for
            if (!stripSlash(declared).equals(stripSlash(issuer))) {
                throw new IllegalStateException("the discovery document of " + issuer + " names another issuer: " + declared);
            }
            return Map.of(VERIFY_ISSUER, declared, KEY_LOCATION, jwks);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the OpenID Connect discovery document " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + url, e);
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
