package io.github.zuplojwt.internal.boot4;

import java.util.List;

import io.github.zuplojwt.internal.boot.SecurityFilterChainAdjustment;
import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;

/**
 * Keeps Spring Security 7's OAuth 2.0 Protected Resource Metadata endpoint (RFC 9728,
 * {@code /.well-known/oauth-protected-resource}) out of the starter's servlet chain. That
 * endpoint would answer without a token, outside the path rules, and would tell clients to
 * obtain tokens elsewhere: but this service's only caller is the Zuplo gateway, which mints
 * its own tokens, and the gateway's issuer is not an authorization server a client can get a
 * token from. Its default document also claims certificate-bound tokens, which the starter
 * does not check. Without it, the path is an ordinary path under the path rules. Spring
 * Security 6.5 (Spring Boot 3.5) has no such endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OAuth2ProtectedResourceMetadataFilter.class)
class Boot4ProtectedResourceMetadataConfiguration {

	@Bean
	SecurityFilterChainAdjustment zuploWithoutProtectedResourceMetadata() {
		return Boot4ProtectedResourceMetadataConfiguration::withoutEndpoint;
	}

	/** The same chain without the metadata endpoint's filter. */
	static DefaultSecurityFilterChain withoutEndpoint(DefaultSecurityFilterChain chain) {
		List<Filter> filters = chain.getFilters()
			.stream()
			.filter((filter) -> !(filter instanceof OAuth2ProtectedResourceMetadataFilter))
			.toList();
		return new DefaultSecurityFilterChain(chain.getRequestMatcher(), filters);
	}

}
