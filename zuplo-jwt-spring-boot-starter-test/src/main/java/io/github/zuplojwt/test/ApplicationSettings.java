package io.github.zuplojwt.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.autoconfigure.ZuploJwtProperties;
import io.github.zuplojwt.web.BearerTokenSettings;
import io.github.zuplojwt.web.RequestIdSettings;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What the kit takes from the application's {@code zuplo.*} configuration, so that tokens
 * fit it and reach it where it reads them: the trusted issuer, the accepted audiences, the
 * required claims, the principal claim, the bearer header and the request id header.
 *
 * @param issuer the configured {@code zuplo.issuer}, or {@code null}
 * @param audiences {@code zuplo.audiences}
 * @param requiredClaims {@code zuplo.required-claims}: for each claim, the accepted values
 * @param principalClaim {@code zuplo.principal-claim}
 * @param bearer where the token is read, from {@code zuplo.bearer.*}
 * @param requestIdHeader the header the gateway's request id is read from first, from
 * {@code zuplo.request-id.header-names}
 */
record ApplicationSettings(String issuer, List<String> audiences, Map<String, List<String>> requiredClaims,
		String principalClaim, BearerTokenSettings bearer, String requestIdHeader) {

	/** The starter's defaults, for a test that runs without an application context. */
	static final ApplicationSettings DEFAULTS = of(new ZuploJwtProperties());

	ApplicationSettings {
		audiences = List.copyOf(audiences);
		requiredClaims = Collections.unmodifiableMap(new LinkedHashMap<>(requiredClaims));
	}

	/** The settings of a running application: its bound properties, or its environment. */
	static ApplicationSettings of(ApplicationContext context) {
		ZuploJwtProperties properties = context.getBeanProvider(ZuploJwtProperties.class).getIfAvailable();
		return (properties != null) ? of(properties) : of(context.getEnvironment());
	}

	/** The settings an environment's {@code zuplo.*} properties make. */
	static ApplicationSettings of(Environment environment) {
		return of(Binder.get(environment)
			.bind("zuplo", Bindable.of(ZuploJwtProperties.class))
			.orElseGet(ZuploJwtProperties::new));
	}

	private static ApplicationSettings of(ZuploJwtProperties properties) {
		String issuer = (properties.getIssuer() != null) ? properties.getIssuer().toString() : null;
		Map<String, List<String>> requiredClaims = new LinkedHashMap<>();
		properties.getRequiredClaims().forEach((name, values) -> {
			if (values != null && !values.isEmpty()) {
				requiredClaims.put(name, values);
			}
		});
		String principalClaim = StringUtils.hasText(properties.getPrincipalClaim())
				? properties.getPrincipalClaim().trim() : "sub";
		ZuploJwtProperties.Bearer bearer = properties.getBearer();
		List<String> requestIdHeaders = properties.getRequestId().getHeaderNames();
		String requestIdHeader = (requestIdHeaders != null && !requestIdHeaders.isEmpty()) ? requestIdHeaders.get(0)
				: RequestIdSettings.DEFAULTS.headerNames().get(0);
		return new ApplicationSettings(issuer, properties.getAudiences(), requiredClaims, principalClaim,
				new BearerTokenSettings(bearer.getHeaderName(), bearer.getTokenPrefix(), bearer.isFormParameter()),
				requestIdHeader);
	}

	/** These settings with tokens and the request id read where {@code placement} says. */
	ApplicationSettings with(HeaderPlacement placement) {
		return new ApplicationSettings(this.issuer, this.audiences, this.requiredClaims, this.principalClaim,
				placement.bearer(), placement.requestIdHeader());
	}

	/** The value of the configured header that carries the given token. */
	String headerValue(String token) {
		return this.bearer.tokenPrefix().isEmpty() ? token : this.bearer.tokenPrefix() + " " + token;
	}

}
