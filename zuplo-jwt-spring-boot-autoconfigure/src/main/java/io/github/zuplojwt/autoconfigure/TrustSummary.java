package io.github.zuplojwt.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.web.BearerTokenSettings;

/**
 * The one line logged at startup that says which tokens the service accepts: every trusted
 * issuer with where its keys come from, its audiences and its required claims, then the
 * allowed algorithms and where a request carries its token. None of it is secret; the key
 * fetch's SSL bundle and proxy are left out.
 */
final class TrustSummary {

	private TrustSummary() {
	}

	static String line(List<TrustedIssuer> issuers, List<String> algorithms, BearerTokenSettings bearer) {
		return "Accepting tokens from " + ((issuers.size() == 1) ? "issuer " : "issuers ")
				+ issuers.stream().map(TrustSummary::issuer).collect(Collectors.joining(", ")) + "; algorithms: "
				+ String.join(", ", algorithms) + "; token: " + token(bearer);
	}

	private static String issuer(TrustedIssuer issuer) {
		String keys = (issuer.jwks().discoveryIssuer() != null)
				? "discovery at " + issuer.jwks().discoveryIssuer() + ZuploJwtSettings.DISCOVERY_PATH
				: issuer.jwks().uri().toString();
		String audiences = issuer.audiences().isEmpty() ? "any" : String.join(", ", issuer.audiences());
		return issuer.issuer() + " (keys: " + keys + "; audiences: " + audiences + "; required claims: "
				+ requiredClaims(issuer.requiredClaims()) + ")";
	}

	private static String requiredClaims(Map<String, List<String>> requiredClaims) {
		if (requiredClaims.isEmpty()) {
			return "none";
		}
		return requiredClaims.entrySet()
			.stream()
			.map((claim) -> claim.getKey() + "=" + String.join(" or ", claim.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static String token(BearerTokenSettings bearer) {
		String header = bearer.headerName() + " header, "
				+ (bearer.tokenPrefix().isEmpty() ? "its whole value" : "after the prefix " + bearer.tokenPrefix());
		return bearer.formParameter() ? header + ", or the access_token field of a form-encoded POST body" : header;
	}

}
