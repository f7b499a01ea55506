package io.github.zuplojwt.sample.devissuer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * DEVELOPMENT ONLY. An Ed25519 key generated in memory at startup that signs tokens shaped
 * like those of Zuplo's upstream JWT policy. Its private key never leaves the process and
 * is gone when the process stops.
 */
final class DevSigningKey implements SigningKey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String issuer;

	private final String kid = "dev-" + UUID.randomUUID().toString().substring(0, 8);

	private final KeyPair keyPair;

	DevSigningKey(String issuer) {
		this.issuer = issuer;
		try {
			this.keyPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this JVM cannot generate Ed25519 keys", ex);
		}
	}

	@Override
	public String issuer() {
		return this.issuer;
	}

	@Override
	public String jwksJson() {
		byte[] spki = this.keyPair.getPublic().getEncoded();
		byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "OKP");
		jwk.put("crv", "Ed25519");
		jwk.put("x", BASE64URL.encodeToString(x));
		jwk.put("kid", this.kid);
		jwk.put("use", "sig");
		jwk.put("alg", "EdDSA");
		return JSONObjectUtils.toJSONString(Map.of("keys", List.of(jwk)));
	}

	@Override
	public String mint(String subject, String audience, Map<String, Object> extraClaims, Duration lifetime) {
		Instant now = Instant.now();
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "EdDSA");
		header.put("typ", "JWT");
		header.put("kid", this.kid);
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", this.issuer);
		claims.put("sub", subject);
		claims.put("aud", audience);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(lifetime).getEpochSecond());
		claims.putAll(extraClaims);
		String signingInput = encode(JSONObjectUtils.toJSONString(header)) + "."
				+ encode(JSONObjectUtils.toJSONString(claims));
		return signingInput + "." + BASE64URL.encodeToString(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	private byte[] sign(byte[] input) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(this.keyPair.getPrivate());
			signature.update(input);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("signing failed", ex);
		}
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
