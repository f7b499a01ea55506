package io.github.zuplojwt.internal.decoder;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.zuplojwt.internal.decoder.CompactTokens.CompactToken;

/**
 * Parses tokens once, each part with the JDK's base64url decoder. A gateway signs every token
 * with the same few headers, so the header of a token that verified is remembered (a few
 * dozen at most, only from verified tokens) and not decoded or parsed again.
 */
final class TokenParser {

	/** Far more than the header variants a gateway uses; bounds what is remembered. */
	private static final int MAX_REMEMBERED_HEADERS = 64;

	private final int maxLength;

	private final Map<String, ParsedHeader> verifiedHeaders = new ConcurrentHashMap<>();

	TokenParser(int maxLength) {
		this.maxLength = maxLength;
	}

	/**
	 * Splits a token, decodes its three parts and parses its header; the header rules are not
	 * checked here.
	 */
	ParsedToken parse(String token) {
		CompactToken compact = CompactTokens.split(token, this.maxLength);
		String headerPart = compact.headerPart();
		try {
			ParsedHeader header = this.verifiedHeaders.get(headerPart);
			if (header == null) {
				JWSHeader parsed = CompactTokens.header(compact);
				header = new ParsedHeader(parsed, Map.copyOf(parsed.toJSONObject()));
			}
			String payloadJson = CompactTokens.decodeToString(compact.payloadPart());
			String signaturePart = compact.signaturePart();
			Base64URL signature = new DecodedSignature(signaturePart, CompactTokens.decode(signaturePart));
			return new ParsedToken(compact, header, payloadJson, signature);
		}
		catch (ParseException | RuntimeException ex) {
			throw CompactTokens.rejection(token);
		}
	}

	/** Remembers the header of a token whose signature verified. */
	void verified(ParsedToken token) {
		if (this.verifiedHeaders.size() < MAX_REMEMBERED_HEADERS) {
			this.verifiedHeaders.putIfAbsent(token.compact().headerPart(), token.parsedHeader());
		}
	}

	/** How many headers are remembered. */
	int rememberedHeaders() {
		return this.verifiedHeaders.size();
	}

	/**
	 * A parsed header and its parameters as the verified token presents them.
	 */
	record ParsedHeader(JWSHeader header, Map<String, Object> parameters) {
	}

	/**
	 * A token split into its parts, each decoded, with its header parsed.
	 * @param signature the signature, decoded once with the JDK's decoder
	 */
	record ParsedToken(CompactToken compact, ParsedHeader parsedHeader, String payloadJson, Base64URL signature) {

		JWSHeader header() {
			return this.parsedHeader.header();
		}

		byte[] signingInput() {
			return this.compact.signingInput();
		}

	}

	/**
	 * A signature whose bytes are already decoded, so that verifiers taking a
	 * {@link Base64URL} do not decode it again with a slower decoder.
	 */
	private static final class DecodedSignature extends Base64URL {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		DecodedSignature(String encoded, byte[] bytes) {
			super(encoded);
			this.bytes = bytes;
		}

		@Override
		public byte[] decode() {
			return this.bytes.clone();
		}

	}

}
