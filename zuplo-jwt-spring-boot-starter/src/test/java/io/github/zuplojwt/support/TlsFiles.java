package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for {@code localhost} made with the JDK's own {@code keytool} once per
 * test run (nothing secret is committed): a PKCS#12 key store for a TLS test server, and a
 * trust store that holds only its certificate, as a private certificate authority would.
 */
public final class TlsFiles {

	public static final String PASSWORD = "test-only";

	private static TlsFiles instance;

	private final Path keyStore;

	private final Path trustStore;

	private TlsFiles(Path keyStore, Path trustStore) {
		this.keyStore = keyStore;
		this.trustStore = trustStore;
	}

	/** The files, made on first use. */
	public static synchronized TlsFiles get() {
		if (instance == null) {
			instance = create();
		}
		return instance;
	}

	public Path keyStore() {
		return this.keyStore;
	}

	public Path trustStore() {
		return this.trustStore;
	}

	private static TlsFiles create() {
		try {
			Path dir = Files.createTempDirectory("zuplo-jwt-tls");
			Path keyStore = dir.resolve("server.p12");
			Path certificate = dir.resolve("server.crt");
			Path trustStore = dir.resolve("trust.p12");
			keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
					"-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
			keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
					"-rfc", "-file", certificate.toString());
			keytool("-importcert", "-noprompt", "-alias", "gateway-ca", "-file", certificate.toString(),
					"-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
			return new TlsFiles(keyStore, trustStore);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void keytool(String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool " + arguments[0] + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
