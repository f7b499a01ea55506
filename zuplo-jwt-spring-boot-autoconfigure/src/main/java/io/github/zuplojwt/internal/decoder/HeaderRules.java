package io.github.zuplojwt.internal.decoder;

import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.zuplojwt.decoder.InvalidTokenException;
import io.github.zuplojwt.decoder.RejectionReason;

/**
 * The one place the token header is judged, before any key is looked up: {@code alg} in the
 * allow-list; {@code typ} absent, {@code JWT} or {@code application/jwt}; no {@code crit}; no
 * unencoded payload; no key of its own ({@code jwk}, {@code jku}, {@code x5u},
 * {@code x5c}). A {@code kid} is optional: the Upstream Zuplo JWT policy signs without one.
 */
final class HeaderRules {

	private HeaderRules() {
	}

	static void check(JWSHeader header, Set<JWSAlgorithm> allowed) {
		JWSAlgorithm algorithm = header.getAlgorithm();
		if (!allowed.contains(algorithm)) {
			throw new InvalidTokenException(RejectionReason.ALGORITHM,
					"token algorithm " + Printable.of(algorithm.getName()) + " is not allowed");
		}
		JOSEObjectType type = header.getType();
		if (type != null && !"JWT".equalsIgnoreCase(type.getType())
				&& !"application/jwt".equalsIgnoreCase(type.getType())) {
			throw new InvalidTokenException(RejectionReason.HEADER, "token type (typ) is not JWT");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new InvalidTokenException(RejectionReason.HEADER,
					"token has critical header parameters (crit) that are not supported");
		}
		if (!header.isBase64URLEncodePayload()) {
			throw new InvalidTokenException(RejectionReason.HEADER,
					"token has an unencoded payload (b64), which is not supported");
		}
		if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
				|| header.getX509CertChain() != null) {
			throw new InvalidTokenException(RejectionReason.HEADER,
					"token names its own signing key (jwk, jku, x5u or x5c header); only the issuer's published keys"
							+ " are trusted");
		}
	}

}
