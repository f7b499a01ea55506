package io.github.zuplojwt.autoconfigure;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import io.github.zuplojwt.internal.decoder.TrustedIssuer;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The pins that Zuplo's Identity Token issuer needs. Zuplo mints the Identity Tokens of
 * every customer under one issuer, {@value #DOCUMENTED_ISSUER}, for whatever audience the
 * minting code asks for; so trusting that issuer trusts every Zuplo customer's gateway unless
 * the {@code account} claim is pinned. Without an account pin the application does not start
 * (unless it opts out by name); without a {@code project} pin it starts with a warning.
 */
final class IdentityTokenPins {

	/** The issuer of Zuplo's Identity Tokens, as Zuplo documents it. */
	static final String DOCUMENTED_ISSUER = "https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD";

	static final String ALLOW_UNPINNED_ACCOUNT = "zuplo.identity-tokens.allow-unpinned-account";

	private static final String ACCOUNT = "account";

	private static final String PROJECT = "project";

	private static final String HOST = "dev.zuplo.com";

	private static final String PATH = "/v1/client-auth";

	private IdentityTokenPins() {
	}

	/**
	 * Whether {@code issuer} is Zuplo's Identity Token issuer: host {@code dev.zuplo.com} and
	 * a path under {@code /v1/client-auth/}, whatever the client id. Any spelling of that
	 * place counts (letter case, a trailing slash or dot, dot segments, percent-encoding),
	 * and, to err on the safe side, so do plain http and any port. Host names are compared,
	 * never resolved.
	 */
	static boolean isIdentityTokenIssuer(URI issuer) {
		String host = issuer.getHost();
		if (host == null) {
			return false;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (!HOST.equals(host) || issuer.getPath() == null) {
			return false;
		}
		String path = normalizedPath(issuer.getPath());
		return path.equals(PATH) || path.startsWith(PATH + "/");
	}

	/** The decoded path in lower case, without empty segments and with dot segments resolved. */
	private static String normalizedPath(String path) {
		Deque<String> segments = new ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.addLast(segment.toLowerCase(Locale.ROOT));
			}
		}
		return "/" + String.join("/", segments);
	}

	/**
	 * Refuses to trust Zuplo's Identity Token issuer without an {@code account} pin, unless
	 * {@value #ALLOW_UNPINNED_ACCOUNT} is on.
	 * @param issuerProperty the property that names the issuer, such as
	 * {@code zuplo.issuers[0].issuer}
	 * @param issuer the issuer as it is trusted
	 * @param claimsProperty where its required claims come from: {@code zuplo.required-claims}
	 * or the entry's own
	 * @param ownClaimsProperty where the entry's own required claims are set; differs from
	 * {@code claimsProperty} when the entry inherits {@code zuplo.required-claims}
	 * @param allowUnpinnedAccount {@value #ALLOW_UNPINNED_ACCOUNT}
	 * @throws UnpinnedAccountException naming the property to set
	 */
	static void requireAccountPin(String issuerProperty, TrustedIssuer issuer, String claimsProperty,
			String ownClaimsProperty, boolean allowUnpinnedAccount) {
		if (!isIdentityTokenIssuer(URI.create(issuer.issuer())) || issuer.requiredClaims().containsKey(ACCOUNT)
				|| allowUnpinnedAccount) {
			return;
		}
		throw new UnpinnedAccountException(issuerProperty, issuer.issuer(), claimsProperty, ownClaimsProperty);
	}

	/**
	 * What to warn about at startup for a trusted issuer, or {@code null} if nothing: Zuplo's
	 * Identity Token issuer trusted without an account pin (possible only with
	 * {@value #ALLOW_UNPINNED_ACCOUNT}), or without a project pin.
	 */
	static String warning(TrustedIssuer issuer) {
		if (!isIdentityTokenIssuer(URI.create(issuer.issuer()))) {
			return null;
		}
		if (!issuer.requiredClaims().containsKey(ACCOUNT)) {
			return ALLOW_UNPINNED_ACCOUNT + " is on and no account is pinned for issuer " + issuer.issuer()
					+ ". It is Zuplo's Identity Token issuer, which every Zuplo customer shares, so Identity Tokens"
					+ " minted by any Zuplo customer's gateway are accepted unless the application's own checks"
					+ " refuse them.";
		}
		if (!issuer.requiredClaims().containsKey(PROJECT)) {
			return "No project is pinned for issuer " + issuer.issuer() + ", Zuplo's Identity Token issuer, so"
					+ " Identity Tokens from every project of the pinned account are accepted. Set"
					+ " zuplo.required-claims.project (or the entry's required-claims.project under zuplo.issuers)"
					+ " to the project whose gateway calls this service.";
		}
		return null;
	}

	/**
	 * Zuplo's Identity Token issuer is trusted without an {@code account} pin. Named after
	 * the property to set; its description and action are Spring Boot's failure report.
	 */
	static final class UnpinnedAccountException extends InvalidConfigurationPropertyValueException {

		private final String description;

		private final String action;

		private UnpinnedAccountException(String issuerProperty, String issuer, String claimsProperty,
				String ownClaimsProperty) {
			this(claimsProperty + "." + ACCOUNT, description(issuerProperty, issuer, claimsProperty, ownClaimsProperty),
					action(claimsProperty, ownClaimsProperty));
		}

		private UnpinnedAccountException(String property, String description, String action) {
			super(property, null, description + " " + action);
			this.description = description;
			this.action = action;
		}

		private static String description(String issuerProperty, String issuer, String claimsProperty,
				String ownClaimsProperty) {
			String unset = claimsProperty.equals(ownClaimsProperty) ? claimsProperty + "." + ACCOUNT + " is not set"
					: "the entry has no required-claims of its own, and " + claimsProperty + "." + ACCOUNT
							+ " is not set";
			return issuerProperty + " is Zuplo's Identity Token issuer (" + issuer + "), which every Zuplo customer"
					+ " shares: any Zuplo customer's gateway can mint an Identity Token for any audience, this"
					+ " service's included. No account is pinned for it (" + unset + "), so the application does"
					+ " not start.";
		}

		private static String action(String claimsProperty, String ownClaimsProperty) {
			String action = "Set " + claimsProperty + "." + ACCOUNT + " to your Zuplo account, and " + claimsProperty
					+ "." + PROJECT + " to the project whose gateway calls this service.";
			if (!claimsProperty.equals(ownClaimsProperty)) {
				action += " To pin them for this entry alone, set " + ownClaimsProperty + "." + ACCOUNT + " and "
						+ ownClaimsProperty + "." + PROJECT + " instead.";
			}
			return action + " Only if the application checks the account in code of its own, set "
					+ ALLOW_UNPINNED_ACCOUNT + "=true to start anyway.";
		}

		String description() {
			return this.description;
		}

		String action() {
			return this.action;
		}

	}

}
