package gov.commerce.aiexports.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token is verified once while it is valid; an expired or refused one always goes to the real parser. */
class VerifiedTokensTest {

    /** Records each token it is asked to verify; "bad" is refused; "t-<exp seconds>" expires then. */
    static final class Recording implements JWTParser {
        final List<String> asked = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            asked.add(token);
            if (token.equals("bad")) {
                throw new ParseException("signature");
            }
            long exp = Long.parseLong(token.substring(2));
            return (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JsonWebToken.class},
                    (p, m, a) -> m.getName().equals("getExpirationTime") ? exp : m.getName().equals("getName") ? token : null);
        }

        @Override public JsonWebToken parse(String t, JWTAuthContextInfo c) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, PublicKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, PrivateKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken parseOnly(String t) { throw new UnsupportedOperationException(); }
    }

    @Test
    void the_same_token_is_verified_once_until_it_expires() throws Exception {
        Recording parser = new Recording();
        AtomicLong now = new AtomicLong(1_000_000L);
        VerifiedTokens tokens = new VerifiedTokens(parser, now::get);

        JsonWebToken first = tokens.parse("t-2000");
        assertSame(first, tokens.parse("t-2000"));
        tokens.parse("t-3000");
        assertEquals(List.of("t-2000", "t-3000"), parser.asked);

        now.set(2_000_000L); // t-2000's exp: from now on it is the real parser's to refuse or accept
        tokens.parse("t-2000");
        tokens.parse("t-3000");
        assertEquals(List.of("t-2000", "t-3000", "t-2000"), parser.asked);
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        Recording parser = new Recording();
        VerifiedTokens tokens = new VerifiedTokens(parser, () -> 0L);
        assertThrows(ParseException.class, () -> tokens.parse("bad"));
        assertThrows(ParseException.class, () -> tokens.parse("bad"));
        assertEquals(List.of("bad", "bad"), parser.asked);
    }
}
