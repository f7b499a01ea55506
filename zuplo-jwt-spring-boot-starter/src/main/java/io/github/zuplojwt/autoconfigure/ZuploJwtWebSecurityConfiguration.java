package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.web.BearerTokenSettings;
import io.github.zuplojwt.web.ZuploAccessDeniedHandler;
import io.github.zuplojwt.web.ZuploAuthenticationEntryPoint;
import io.github.zuplojwt.web.ZuploBearerTokenResolver;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * The servlet security filter chain: a valid token on protected paths, public paths open,
 * stateless, no session, CSRF or login machinery, and problem+json errors; the token is read
 * where {@code zuplo.bearer.*} says. Backs off when the application defines its own
 * {@link SecurityFilterChain}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
class ZuploJwtWebSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BearerTokenResolver zuploBearerTokenResolver(ZuploJwtProperties properties) {
		return new ZuploBearerTokenResolver(bearer(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	ZuploAuthenticationEntryPoint zuploAuthenticationEntryPoint(ZuploJwtProperties properties) {
		return new ZuploAuthenticationEntryPoint(bearer(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	ZuploAccessDeniedHandler zuploAccessDeniedHandler() {
		return new ZuploAccessDeniedHandler();
	}

	@Bean
	@ConditionalOnDefaultWebSecurity
	@ConditionalOnBean(JwtDecoder.class)
	SecurityFilterChain zuploSecurityFilterChain(HttpSecurity http, ZuploJwtProperties properties,
			BearerTokenResolver bearerTokenResolver, ZuploAuthenticationEntryPoint entryPoint,
			ZuploAccessDeniedHandler accessDeniedHandler, JwtDecoder decoder,
			ObjectProvider<ManagementEndpointRules> managementEndpoints,
			ObjectProvider<TokenVerificationObservation> observation) {
		TokenVerificationObservation observed = observation.getIfAvailable();
		JwtDecoder verifier = (observed != null) ? observed.observe(decoder) : decoder;
		String[] publicPaths = paths("zuplo.public-paths", properties.getPublicPaths());
		String[] protectedPaths = paths("zuplo.protected-paths", properties.getProtectedPaths());
		http.authorizeHttpRequests((requests) -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			if (publicPaths.length > 0) {
				requests.requestMatchers(publicPaths).permitAll();
			}
			managementEndpoints.ifAvailable((rules) -> rules.apply(requests));
			if (protectedPaths.length > 0) {
				requests.requestMatchers(protectedPaths).authenticated();
			}
			requests.anyRequest().permitAll();
		});
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.csrf((csrf) -> csrf.disable());
		http.formLogin((login) -> login.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.requestCache((cache) -> cache.disable());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(bearerTokenResolver)
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler)
			.jwt((jwt) -> jwt.decoder(verifier)));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDeniedHandler));
		return ProtectedResourceMetadata.withoutEndpoint(http.build());
	}

	private static BearerTokenSettings bearer(ZuploJwtProperties properties) {
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

}
