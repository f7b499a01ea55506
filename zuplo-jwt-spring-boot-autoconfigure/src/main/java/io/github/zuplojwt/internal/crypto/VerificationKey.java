package io.github.zuplojwt.internal.crypto;

import java.security.Key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;

/**
 * One published key, converted once when its key set is fetched and kept ready to verify
 * signatures: its {@code kid}, the algorithm it was published for (if any), the Java key and
 * the verifier built for it.
 */
public final class VerificationKey {

	private final String keyId;

	private final JWSAlgorithm publishedAlgorithm;

	private final Key key;

	private final JWSVerifier verifier;

	VerificationKey(String keyId, JWSAlgorithm publishedAlgorithm, Key key, JWSVerifier verifier) {
		this.keyId = keyId;
		this.publishedAlgorithm = publishedAlgorithm;
		this.key = key;
		this.verifier = verifier;
	}

	/** The key id ({@code kid}) the key was published with, or {@code null}. */
	public String keyId() {
		return this.keyId;
	}

	/** The Java key behind it. */
	public Key key() {
		return this.key;
	}

	/**
	 * Whether the key may verify a token signed with {@code algorithm}: the algorithm fits the
	 * key's type and curve, and equals the {@code alg} the key was published with, if any.
	 */
	public boolean accepts(JWSAlgorithm algorithm) {
		return VerificationKeys.fits(this.key, algorithm)
				&& (this.publishedAlgorithm == null || this.publishedAlgorithm.equals(algorithm));
	}

	/**
	 * Whether {@code signature} is a valid signature of {@code signingInput} by this key. A
	 * verifier that refuses the input counts as a signature that does not verify.
	 */
	public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
		try {
			return this.verifier.verify(header, signingInput, signature);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

}
