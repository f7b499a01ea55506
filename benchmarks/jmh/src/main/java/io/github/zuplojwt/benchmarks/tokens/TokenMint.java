package io.github.zuplojwt.benchmarks.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Mints tokens shaped like the ones the Zuplo gateway sends upstream: {@code iss},
 * {@code sub} (the consumer), {@code aud}, {@code iat}, {@code exp}, the {@code account} the
 * service requires and some consumer metadata. RSA and EC tokens are signed by Nimbus,
 * Ed25519 tokens by BouncyCastle (Nimbus's own Ed25519 signer needs Tink).
 */
public final class TokenMint {

	/** The audience every minted token carries; configure the verifier to require it. */
	public static final String AUDIENCE = "https://api.example.com";

	/** The {@code account} claim every minted token carries; configure it as required. */
	public static final String ACCOUNT = "acme-benchmarks";

	private final SigningKeys keys;

	private final String issuer;

	private final Duration lifetime;

	public TokenMint(SigningKeys keys, String issuer, Duration lifetime) {
		this.keys = keys;
		this.issuer = issuer;
		this.lifetime = lifetime;
	}

	/** Mints one valid token for the given consumer, issued now. */
	public SignedToken mint(TokenAlgorithm algorithm, String consumer) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(consumer)
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.claim("account", ACCOUNT)
			.claim("plan", "gold")
			.claim("companyId", "acme")
			.build();
		JWSHeader header = new JWSHeader.Builder(algorithm.jws()).keyID(algorithm.keyId())
			.type(JOSEObjectType.JWT)
			.build();
		byte[] signingInput = (header.toBase64URL() + "." + claims.toPayload().toBase64URL())
			.getBytes(StandardCharsets.US_ASCII);
		return SignedToken.of(signingInput, sign(algorithm, header, signingInput));
	}

	/**
	 * Mints {@code count} distinct valid tokens ({@code sub} is {@code consumer-<n>}), on all
	 * cores since an RSA signature costs about a millisecond.
	 */
	public List<SignedToken> mintDistinct(TokenAlgorithm algorithm, int count) {
		return IntStream.range(0, count)
			.parallel()
			.mapToObj((n) -> mint(algorithm, String.format("consumer-%06d", n)))
			.toList();
	}

	private byte[] sign(TokenAlgorithm algorithm, JWSHeader header, byte[] signingInput) {
		try {
			return switch (algorithm) {
				case RS256 -> new RSASSASigner(this.keys.rsa()).sign(header, signingInput).decode();
				case ES256 -> new ECDSASigner(this.keys.ec()).sign(header, signingInput).decode();
				case EdDSA -> {
					Ed25519Signer signer = new Ed25519Signer();
					signer.init(true, this.keys.ed25519());
					signer.update(signingInput, 0, signingInput.length);
					yield signer.generateSignature();
				}
			};
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not sign a benchmark token", ex);
		}
	}

}
