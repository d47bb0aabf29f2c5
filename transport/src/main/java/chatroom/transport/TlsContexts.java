package chatroom.transport;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS context: the configured PEM certificate and key, or a self-signed pair made on first start and
 * kept under {@code <data-dir>/tls} so clients that pinned it keep trusting it. TLS 1.2 and 1.3 only, with the JDK's
 * default (modern) cipher suites. Clients may present a certificate of their own (SASL EXTERNAL). Runs at startup,
 * never on an event loop.
 */
public final class TlsContexts {
    private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {}

    public static SslContext server(@Nullable Path cert, @Nullable Path key, Path dataDir, String serverName) {
        try {
            if (cert == null || key == null) {
                Path dir = dataDir.resolve("tls");
                cert = dir.resolve("self-signed-cert.pem");
                key = dir.resolve("self-signed-key.pem");
                if (!Files.exists(cert) || !Files.exists(key)) {
                    generate(dir, cert, key, serverName);
                }
            }
            // a client certificate is asked for, never required, and any is accepted: it is trusted by its
            // fingerprint (SASL EXTERNAL, NickServ CERT ADD), not by who signed it; the handshake still proves that
            // the client holds its key
            return SslContextBuilder.forServer(cert.toFile(), key.toFile())
                    .protocols("TLSv1.3", "TLSv1.2")
                    .clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot use the TLS certificate " + cert + " and key " + key, e);
        }
    }

    /** A 3072-bit RSA key and a ten-year self-signed certificate for {@code serverName}, written as PEM. */
    private static void generate(Path dir, Path cert, Path key, String serverName) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + serverName);
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                            subject,
                            new BigInteger(64, new SecureRandom()),
                            Date.from(now.minus(1, ChronoUnit.DAYS)),
                            Date.from(now.plus(3650, ChronoUnit.DAYS)),
                            subject,
                            pair.getPublic())
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, serverName)))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            writePem(cert, new JcaX509CertificateConverter().getCertificate(holder));
            writePem(key, pair.getPrivate());
            log.info("generated a self-signed TLS certificate for {} in {}", serverName, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
            w.writeObject(object);
        }
    }
}
