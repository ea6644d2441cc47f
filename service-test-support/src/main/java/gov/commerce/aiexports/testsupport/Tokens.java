package gov.commerce.aiexports.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 JWTs the services accept when configured with {@link #publicKeyPem()}: for tests,
 * and for people trying the local stack ({@code ./run token ROLE [ORG]}). Production tokens come
 * from the operator's identity provider instead.
 */
public final class Tokens {

    public static final String ISSUER = "https://aiexports.local/issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;

    private Tokens(KeyPair keys) {
        this.keys = keys;
    }

    public static Tokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Tokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the key pair kept in the directory, or makes and keeps one. */
    public static Tokens keptIn(Path directory) throws IOException {
        Path privateKey = directory.resolve("jwt-private.der");
        Path publicKey = directory.resolve("jwt-public.pem");
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey priv = rsa.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateKey)));
                String pem = Files.readString(publicKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PublicKey pub = rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
                return new Tokens(new KeyPair(pub, priv));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the kept token keys", e);
        }
        Files.createDirectories(directory);
        Tokens tokens = generate();
        Files.write(privateKey, tokens.keys.getPrivate().getEncoded());
        Files.writeString(publicKey, tokens.publicKeyPem());
        return tokens;
    }

    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key as one base64 line, for mp.jwt.verify.publickey. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The audience the services check by default (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "aiexports";

    public String mint(String subject, String organisation, String... roles) {
        return mint(subject, organisation, List.of(roles), 3600);
    }

    public String mint(String subject, String organisation, List<String> roles, long lifetimeSeconds) {
        return mint(subject, organisation, roles, lifetimeSeconds, AUDIENCE);
    }

    /** A token for the given audience (the services accept {@link #AUDIENCE} unless configured otherwise). */
    public String mint(String subject, String organisation, List<String> roles, long lifetimeSeconds, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("org", organisation);
        claims.put("groups", roles);
        claims.put("iat", now);
        claims.put("exp", now + lifetimeSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot mint a token", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
