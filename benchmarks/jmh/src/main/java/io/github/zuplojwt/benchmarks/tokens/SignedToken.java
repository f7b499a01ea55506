package io.github.zuplojwt.benchmarks.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One compact JWS together with the exact bytes its signature covers and the signature
 * itself, so a bare signature check can verify the very bytes a decoder sees. The arrays
 * are shared, not copied: a benchmark reads them on every operation.
 *
 * @param compact the token as sent in an {@code Authorization: Bearer} header
 * @param signingInput the ASCII bytes of {@code header.payload}
 * @param signature the decoded JWS signature (R||S for ES256)
 */
public record SignedToken(String compact, byte[] signingInput, byte[] signature) {

	static SignedToken of(byte[] signingInput, byte[] signature) {
		String compact = new String(signingInput, StandardCharsets.US_ASCII) + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		return new SignedToken(compact, signingInput, signature);
	}

}
