package io.github.zuplojwt.internal.jwks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where keys may be fetched from. Keys decide who can mint trusted tokens, so they are
 * fetched over https only: plain http is accepted for loopback addresses (development and
 * tests), or everywhere when explicitly allowed. Host names are never resolved to decide
 * this: only {@code localhost} and loopback IP literals count as loopback.
 */
public final class KeySetLocations {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

	private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");

	private KeySetLocations() {
	}

	/**
	 * Why keys must not be fetched from {@code uri}, or {@code null} if they may.
	 * @param uri an absolute URI
	 * @param allowHttp whether plain http is allowed for any host
	 */
	public static String whyRefused(URI uri, boolean allowHttp) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
			return "It must be an absolute https URL with a host.";
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			return "It must not contain a query, a fragment or user information.";
		}
		if ("http".equals(scheme) && !allowHttp && !isLoopback(uri.getHost())) {
			return "It must use https: whoever can intercept a plain http fetch of the keys can publish their own"
					+ " and mint tokens this service accepts. http is accepted only for loopback addresses"
					+ " (localhost, 127.0.0.1, [::1]) or with zuplo.jwks.allow-http=true.";
		}
		return null;
	}

	/** Whether {@code uri} is plain http to a host that is not loopback. */
	public static boolean isInsecure(URI uri) {
		return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
	}

	static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		if ("localhost".equalsIgnoreCase(host) || IPV4_LOOPBACK.matcher(host).matches()) {
			return true;
		}
		if (IPV6_LITERAL.matcher(host).matches()) {
			try {
				// A bracketed IPv6 literal: parsing it never touches DNS.
				return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
