package io.github.zuplojwt.benchmarks;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import io.github.zuplojwt.benchmarks.tokens.BenchmarkIssuer;
import io.github.zuplojwt.benchmarks.tokens.SignedToken;
import io.github.zuplojwt.benchmarks.tokens.TokenAlgorithm;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor: nothing but the signature check, on exactly the signing input and signature
 * bytes of the tokens {@link StarterDecodeBenchmark#freshToken} decodes, with the same
 * backend — the JDK's {@code SHA256withRSA}, the JDK's {@code SHA256withECDSA} on the
 * DER form of the JWS signature, BouncyCastle's RFC 8032 Ed25519 with the public point
 * decoded once. The JDK {@link Signature} is initialised once; each operation only hashes
 * and verifies. A decoder can approach this number but not beat it.
 */
@State(Scope.Thread)
public class SignatureFloorBenchmark extends BenchmarkDefaults {

	@Param({ "EdDSA", "RS256", "ES256" })
	public String algorithm;

	@Param("4096")
	public int distinctTokens;

	private byte[][] signingInputs;

	private byte[][] jwsSignatures;

	private byte[][] signatures;

	private BareVerifier verifier;

	private int position;

	@Setup(Level.Trial)
	public void setUp() throws GeneralSecurityException {
		TokenAlgorithm tokenAlgorithm = TokenAlgorithm.valueOf(this.algorithm);
		List<SignedToken> tokens;
		try (BenchmarkIssuer issuer = BenchmarkIssuer.start(Duration.ofHours(1))) {
			tokens = issuer.distinctTokens(tokenAlgorithm, this.distinctTokens);
			this.verifier = verifierFor(tokenAlgorithm, issuer);
		}
		this.signingInputs = tokens.stream().map(SignedToken::signingInput).toArray(byte[][]::new);
		this.jwsSignatures = tokens.stream().map(SignedToken::signature).toArray(byte[][]::new);
		this.signatures = Arrays.stream(this.jwsSignatures).map(this::toBackendForm).toArray(byte[][]::new);
		for (int i = 0; i < this.signatures.length; i++) {
			if (!this.verifier.verify(this.signingInputs[i], this.signatures[i])) {
				throw new IllegalStateException("the bare check rejected a valid benchmark token");
			}
		}
	}

	@Benchmark
	public boolean bareVerify() throws GeneralSecurityException {
		int current = this.position;
		this.position = (current + 1 == this.signatures.length) ? 0 : current + 1;
		return this.verifier.verify(this.signingInputs[current], this.signatures[current]);
	}

	/** The first token's signing input and JWS signature; for tests of this benchmark. */
	byte[][] firstToken() {
		return new byte[][] { this.signingInputs[0], this.jwsSignatures[0] };
	}

	/** Whether the bare check accepts the given bytes; for tests of this benchmark. */
	boolean verifies(byte[] signingInput, byte[] jwsSignature) throws GeneralSecurityException {
		return this.verifier.verify(signingInput, toBackendForm(jwsSignature));
	}

	private static BareVerifier verifierFor(TokenAlgorithm algorithm, BenchmarkIssuer issuer)
			throws GeneralSecurityException {
		return switch (algorithm) {
			case RS256 -> jdk("SHA256withRSA", issuer.keys().rsaPublicKey());
			case ES256 -> jdk("SHA256withECDSA", issuer.keys().ecPublicKey());
			case EdDSA -> {
				Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(issuer.keys().ed25519PublicKey(), 0);
				yield (message, signature) -> Ed25519.verify(signature, 0, point, message, 0, message.length);
			}
		};
	}

	private static BareVerifier jdk(String algorithm, PublicKey key) throws GeneralSecurityException {
		Signature signature = Signature.getInstance(algorithm);
		signature.initVerify(key);
		return (message, bytes) -> {
			signature.update(message);
			return signature.verify(bytes);
		};
	}

	/** The signature as the backend takes it: the JDK wants ECDSA signatures in DER. */
	private byte[] toBackendForm(byte[] jwsSignature) {
		if (TokenAlgorithm.valueOf(this.algorithm) != TokenAlgorithm.ES256) {
			return jwsSignature;
		}
		try {
			return ECDSA.transcodeSignatureToDER(jwsSignature);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A signature check reduced to its bytes. */
	@FunctionalInterface
	private interface BareVerifier {

		boolean verify(byte[] message, byte[] signature) throws GeneralSecurityException;

	}

}
