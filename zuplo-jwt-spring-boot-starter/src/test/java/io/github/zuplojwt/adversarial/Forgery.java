package io.github.zuplojwt.adversarial;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.TestKey;

/**
 * Hand-made compact tokens for attacks the JOSE library would refuse to build: any header
 * and payload text, really signed by a test key or carrying any signature at all.
 */
final class Forgery {

	private Forgery() {
	}

	/** Valid Zuplo-like claims for the issuer and audience, as a mutable map. */
	static Map<String, Object> claims(String issuer, String audience) {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", "consumer-alice");
		claims.put("aud", audience);
		claims.put("iat", now);
		claims.put("exp", now + Duration.ofMinutes(5).toSeconds());
		return claims;
	}

	static String json(Map<String, Object> object) {
		return JSONObjectUtils.toJSONString(object);
	}

	static String base64(String text) {
		return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Signs the exact header and payload text with the key, as the algorithm the key signs
	 * with, whatever the header says.
	 */
	static String signed(TestKey key, String headerJson, String payloadJson) {
		String signingInput = base64(headerJson) + "." + base64(payloadJson);
		return signingInput + "." + signature(key, key.algorithm(), signingInput);
	}

	/** Signs a signing input with the key using the given algorithm. */
	static String signature(TestKey key, JWSAlgorithm algorithm, String signingInput) {
		try {
			return key.signer()
				.sign(new JWSHeader(algorithm), signingInput.getBytes(StandardCharsets.US_ASCII))
				.toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token with the given header and payload text and any signature part. */
	static String withSignature(String headerJson, String payloadJson, String signature) {
		return base64(headerJson) + "." + base64(payloadJson) + "." + signature;
	}

}
