package io.github.zuplojwt.sample.devissuer;

import java.time.Duration;
import java.util.Map;

import io.github.zuplojwt.test.ZuploTestIssuer;

/**
 * DEVELOPMENT ONLY. An Ed25519 key generated in memory at startup that signs tokens shaped
 * like those of Zuplo's upstream JWT policy: the test kit's {@link ZuploTestIssuer}, which
 * publishes it on a loopback-only port. Its private key never leaves the process and is
 * gone when the process stops.
 */
final class DevSigningKey implements SigningKey {

	private final ZuploTestIssuer issuer = ZuploTestIssuer.start();

	@Override
	public String issuer() {
		return this.issuer.issuer();
	}

	@Override
	public String mint(String subject, String audience, Map<String, Object> extraClaims, Duration lifetime) {
		return this.issuer.token()
			.subject(subject)
			.audience(audience)
			.expiresIn(lifetime)
			.claims(extraClaims)
			.sign();
	}

	@Override
	public void close() {
		this.issuer.close();
	}

}
