package io.github.zuplojwt.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Builds a really signed token shaped like the one Zuplo's upstream JWT policy sends:
 * {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp} five minutes ahead, and
 * the key's {@code kid}. Every part can be changed to build a bad token.
 */
public final class TokenBuilder {

	private final TestKey key;

	private JWSAlgorithm algorithm;

	private String kid;

	private JOSEObjectType type = JOSEObjectType.JWT;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	TokenBuilder(TestKey key) {
		this.key = key;
		this.algorithm = key.algorithm();
		this.kid = key.kid();
		Instant now = Instant.now();
		this.claims.put("sub", "consumer-alice");
		this.claims.put("iat", Date.from(now));
		this.claims.put("exp", Date.from(now.plus(Duration.ofMinutes(5))));
	}

	public TokenBuilder issuer(String issuer) {
		return claim("iss", issuer);
	}

	public TokenBuilder audience(String... audiences) {
		return claim("aud", (audiences.length == 1) ? audiences[0] : List.of(audiences));
	}

	public TokenBuilder subject(String subject) {
		return claim("sub", subject);
	}

	public TokenBuilder issuedAt(Instant instant) {
		return claim("iat", (instant != null) ? Date.from(instant) : null);
	}

	public TokenBuilder expiresAt(Instant instant) {
		return claim("exp", (instant != null) ? Date.from(instant) : null);
	}

	public TokenBuilder notBefore(Instant instant) {
		return claim("nbf", (instant != null) ? Date.from(instant) : null);
	}

	/** Sets a claim; {@code null} removes it. */
	public TokenBuilder claim(String name, Object value) {
		if (value == null) {
			this.claims.remove(name);
		}
		else {
			this.claims.put(name, value);
		}
		return this;
	}

	public TokenBuilder kid(String kid) {
		this.kid = kid;
		return this;
	}

	public TokenBuilder type(String type) {
		this.type = (type != null) ? new JOSEObjectType(type) : null;
		return this;
	}

	/** Claims the given algorithm in the header; the key still signs. */
	public TokenBuilder algorithm(JWSAlgorithm algorithm) {
		this.algorithm = algorithm;
		return this;
	}

	public String sign() {
		return sign((header) -> {
		});
	}

	/**
	 * Signs the token with the named claim written exactly as the given JSON text, such as
	 * {@code null}, {@code 2.50} or {@code [["a"]]}, in place of any value set before.
	 */
	public String signWithRawClaim(String name, String json) {
		JWSHeader header = new JWSHeader.Builder(this.algorithm).keyID(this.kid).type(this.type).build();
		JWTClaimsSet.Builder claimsSet = new JWTClaimsSet.Builder();
		this.claims.forEach((claim, value) -> {
			if (!claim.equals(name)) {
				claimsSet.claim(claim, value);
			}
		});
		String payload = claimsSet.build().toString();
		payload = payload.substring(0, payload.lastIndexOf('}')) + ",\"" + name + "\":" + json + "}";
		JWSObject jws = new JWSObject(header, new Payload(payload));
		try {
			jws.sign(this.key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	public String sign(Consumer<JWSHeader.Builder> headerCustomizer) {
		JWSHeader.Builder header = new JWSHeader.Builder(this.algorithm).keyID(this.kid).type(this.type);
		headerCustomizer.accept(header);
		JWTClaimsSet.Builder claimsSet = new JWTClaimsSet.Builder();
		this.claims.forEach(claimsSet::claim);
		SignedJWT jwt = new SignedJWT(header.build(), claimsSet.build());
		try {
			jwt.sign(this.key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
