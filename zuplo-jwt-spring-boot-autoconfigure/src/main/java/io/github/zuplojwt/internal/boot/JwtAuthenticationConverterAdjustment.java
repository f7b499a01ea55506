package io.github.zuplojwt.internal.boot;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * A setting of the starter's {@link JwtAuthenticationConverter} that only some Spring Security
 * versions have, such as which principal to make (Spring Security 7.1). Supplied by the
 * adapter that runs with them; the core applies every one it finds.
 */
@FunctionalInterface
public interface JwtAuthenticationConverterAdjustment {

	/**
	 * Adjusts the converter.
	 * @param converter the starter's converter
	 * @param principalClaim the claim that names the principal ({@code zuplo.principal-claim})
	 */
	void adjust(JwtAuthenticationConverter converter, String principalClaim);

}
