package io.github.zuplojwt.internal.crypto;

import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * Nimbus {@link JWSVerifier} for EdDSA over Ed25519 that delegates to an
 * {@link Ed25519Backend} instead of Nimbus's optional Tink dependency. Header rules such as
 * {@code crit} are the decoder's job and are checked before any verifier runs.
 */
final class Ed25519JwsVerifier implements JWSVerifier {

	private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

	private final Ed25519VerificationKey key;

	private final JCAContext jcaContext = new JCAContext();

	Ed25519JwsVerifier(Ed25519VerificationKey key) {
		this.key = key;
	}

	@Override
	public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
		if (!ALGORITHMS.contains(header.getAlgorithm())) {
			throw new JOSEException("Ed25519 keys verify EdDSA signatures only");
		}
		return this.key.verify(signingInput, signature.decode());
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return ALGORITHMS;
	}

	@Override
	public JCAContext getJCAContext() {
		return this.jcaContext;
	}

}
