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
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Builds a really signed token laid out as the Upstream Zuplo JWT policy signs it: header
 * {@code {"alg":…}} with no {@code kid} and no {@code typ}; custom claims first, then
 * {@code iss}, {@code iat}, {@code exp} an hour later, {@code aud} and {@code sub}
 * ({@code consumer-alice}, as from a policy that sets a subject). Every part can be changed
 * to build a bad token; {@link #withKid()} adds the key's {@code kid}, as Identity Tokens
 * carry one.
 */
public final class TokenBuilder {

	private final TestKey key;

	private JWSAlgorithm algorithm;

	private String kid;

	private JOSEObjectType type;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	TokenBuilder(TestKey key) {
		this.key = key;
		this.algorithm = key.algorithm();
		Instant now = Instant.now();
		this.claims.put("sub", "consumer-alice");
		this.claims.put("iat", Date.from(now));
		this.claims.put("exp", Date.from(now.plus(Duration.ofHours(1))));
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

	/** Names this {@code kid} in the header; {@code null} for none. */
	public TokenBuilder kid(String kid) {
		this.kid = kid;
		return this;
	}

	/** Names the signing key's own {@code kid} in the header. */
	public TokenBuilder withKid() {
		return kid(this.key.kid());
	}

	/** Names {@code typ: JWT} in the header. */
	public TokenBuilder typed() {
		return type("JWT");
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
		Map<String, Object> claims = inGatewayOrder();
		claims.remove(name);
		String payload = JSONObjectUtils.toJSONString(claims);
		payload = payload.substring(0, payload.lastIndexOf('}')) + ",\"" + name + "\":" + json + "}";
		return sign(header().build(), payload);
	}

	public String sign(Consumer<JWSHeader.Builder> headerCustomizer) {
		JWSHeader.Builder header = header();
		headerCustomizer.accept(header);
		return sign(header.build(), JSONObjectUtils.toJSONString(inGatewayOrder()));
	}

	private JWSHeader.Builder header() {
		return new JWSHeader.Builder(this.algorithm).keyID(this.kid).type(this.type);
	}

	private String sign(JWSHeader header, String payload) {
		JWSObject jws = new JWSObject(header, new Payload(payload));
		try {
			jws.sign(this.key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	/** The claims as the gateway orders them: custom claims, then iss, iat, exp, aud, sub. */
	private Map<String, Object> inGatewayOrder() {
		List<String> gateway = List.of("iss", "iat", "exp", "aud", "sub");
		Map<String, Object> ordered = new LinkedHashMap<>();
		this.claims.forEach((claim, value) -> {
			if (!gateway.contains(claim)) {
				ordered.put(claim, value);
			}
		});
		gateway.forEach((claim) -> {
			if (this.claims.containsKey(claim)) {
				ordered.put(claim, this.claims.get(claim));
			}
		});
		ordered.replaceAll((claim, value) -> (value instanceof Date date) ? date.getTime() / 1000 : value);
		return ordered;
	}

}
