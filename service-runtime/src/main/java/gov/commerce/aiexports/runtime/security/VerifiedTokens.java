package gov.commerce.aiexports.runtime.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser every request's authentication uses, with the tokens it verified kept until
 * they expire: an agency system sends the same bearer token with every call, and checking its
 * RS256 signature and claims again each time was a tenth of proposals-service's CPU under load
 * (docs/performance.md). A token is taken from here only as the exact same text, only before its
 * {@code exp} by the real clock; anything else (a new token, an expired one, a refused one, which
 * is never kept) goes to smallrye-jwt's own parser, which applies every check as before.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    /** Tokens kept at most; beyond it the cache starts again (a few MB at most). */
    static final int LIMIT = 10_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final LongSupplier nowMillis;

    @Inject
    public VerifiedTokens(DefaultJWTParser parser) {
        this(parser, System::currentTimeMillis);
    }

    VerifiedTokens(JWTParser parser, LongSupplier nowMillis) {
        this.parser = parser;
        this.nowMillis = nowMillis;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && known.getExpirationTime() * 1000 > nowMillis.getAsLong()) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        JsonWebToken fresh = parser.parse(token);
        if (fresh.getExpirationTime() > 0) {
            if (verified.size() >= LIMIT) {
                verified.clear();
            }
            verified.put(token, fresh);
        }
        return fresh;
    }

    // the other ways in verify with keys or settings of the caller's choosing: not kept

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
