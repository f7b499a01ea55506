package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.web.BearerTokenSettings;
import io.github.zuplojwt.web.RequestIdSettings;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Turns the web properties into the settings both filter chains use, the same way on both
 * stacks, and refuses values that cannot work, naming the key.
 */
final class ZuploJwtWebSettings {

	private static final String REQUEST_ID_HEADER_NAMES = "zuplo.request-id.header-names";

	private ZuploJwtWebSettings() {
	}

	/** Where tokens are read, from {@code zuplo.bearer.*}. */
	static BearerTokenSettings bearer(ZuploJwtProperties properties) {
		ZuploJwtProperties.Bearer bearer = properties.getBearer();
		String headerName = bearer.getHeaderName();
		String invalidHeaderName = BearerTokenSettings.invalidHeaderName(headerName);
		if (invalidHeaderName != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.bearer.header-name", headerName,
					invalidHeaderName);
		}
		String tokenPrefix = bearer.getTokenPrefix();
		String invalidTokenPrefix = BearerTokenSettings.invalidTokenPrefix(tokenPrefix);
		if (invalidTokenPrefix != null) {
			throw new InvalidConfigurationPropertyValueException("zuplo.bearer.token-prefix", tokenPrefix,
					invalidTokenPrefix);
		}
		return new BearerTokenSettings(headerName, tokenPrefix, bearer.isFormParameter());
	}

	/** Where the gateway's request id is read, from {@code zuplo.request-id.header-names}. */
	static RequestIdSettings requestId(ZuploJwtProperties properties) {
		List<String> headerNames = properties.getRequestId().getHeaderNames();
		String invalidHeaderNames = RequestIdSettings.invalidHeaderNames(headerNames);
		if (invalidHeaderNames != null) {
			throw new InvalidConfigurationPropertyValueException(REQUEST_ID_HEADER_NAMES, headerNames,
					invalidHeaderNames + " Set zuplo.request-id.enabled=false to ignore it.");
		}
		for (String headerName : headerNames) {
			String invalidHeaderName = RequestIdSettings.invalidHeaderName(headerName);
			if (invalidHeaderName != null) {
				throw new InvalidConfigurationPropertyValueException(REQUEST_ID_HEADER_NAMES, headerName,
						invalidHeaderName);
			}
		}
		return new RequestIdSettings(headerNames);
	}

	/** {@code zuplo.public-paths}, each a valid path pattern. */
	static String[] publicPaths(ZuploJwtProperties properties) {
		return paths("zuplo.public-paths", properties.getPublicPaths());
	}

	/** {@code zuplo.protected-paths}, each a valid path pattern. */
	static String[] protectedPaths(ZuploJwtProperties properties) {
		return paths("zuplo.protected-paths", properties.getProtectedPaths());
	}

	private static String[] paths(String property, List<String> patterns) {
		for (String pattern : patterns) {
			try {
				PathPatternParser.defaultInstance.parse(pattern);
			}
			catch (PatternParseException ex) {
				throw new InvalidConfigurationPropertyValueException(property, pattern,
						"It is not a valid path pattern: " + ex.getMessage());
			}
		}
		return patterns.toArray(String[]::new);
	}

	/**
	 * The failure of a web application that the starter cannot protect, so that it stops
	 * instead of starting with every request denied, or none checked, without a word.
	 */
	static InvalidConfigurationPropertyValueException cannotProtect(String reason) {
		return new InvalidConfigurationPropertyValueException("zuplo.enabled", "true", reason
				+ " Set zuplo.enabled=false to run the application without the Zuplo JWT starter.");
	}

}
