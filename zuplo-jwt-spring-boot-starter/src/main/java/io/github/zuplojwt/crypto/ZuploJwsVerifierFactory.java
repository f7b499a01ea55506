package io.github.zuplojwt.crypto;

import java.security.Key;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;

/**
 * Creates signature verifiers: Ed25519 keys get the {@link Ed25519Backend}; RSA and EC keys
 * get Nimbus's own verifiers. Symmetric keys are never accepted.
 */
public final class ZuploJwsVerifierFactory implements JWSVerifierFactory {

	private final DefaultJWSVerifierFactory asymmetric = new DefaultJWSVerifierFactory();

	@Override
	public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (key instanceof Ed25519VerificationKey ed25519) {
			return new Ed25519JwsVerifier(ed25519);
		}
		if (JWSAlgorithm.Family.RSA.contains(algorithm) || JWSAlgorithm.Family.EC.contains(algorithm)) {
			return this.asymmetric.createJWSVerifier(header, key);
		}
		throw new JOSEException("no verifier for algorithm " + algorithm + " with a " + key.getAlgorithm() + " key");
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return SupportedAlgorithms.ALL;
	}

	@Override
	public JCAContext getJCAContext() {
		return this.asymmetric.getJCAContext();
	}

}
