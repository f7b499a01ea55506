package io.github.zuplojwt.autoconfigure;

import java.util.Arrays;

import io.github.zuplojwt.internal.boot.ManagementEndpoints;
import io.github.zuplojwt.internal.boot.SecurityFilterChainAdjustment;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.web.servlet.ZuploAccessDeniedHandler;
import io.github.zuplojwt.web.servlet.ZuploAuthenticationEntryPoint;
import io.github.zuplojwt.web.servlet.ZuploBearerTokenResolver;
import io.github.zuplojwt.web.servlet.ZuploRequestRejectedHandler;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The servlet security filter chain: a valid token on protected paths, public paths open,
 * stateless, no session, CSRF or login machinery, and problem+json errors; the token is read
 * where {@code zuplo.bearer.*} says; requests Spring Security's firewall refuses get the same
 * problem+json errors. Each piece backs off when the application declares its own of the
 * same type ({@link SecurityFilterChain}, {@link BearerTokenResolver},
 * {@link AuthenticationEntryPoint}, {@link AccessDeniedHandler},
 * {@link RequestRejectedHandler}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ZuploJwtServletWebSecurityConfiguration {

	/** The chain and its pieces, where Spring Security's servlet configuration is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
	static class ServletSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BearerTokenResolver zuploBearerTokenResolver(ZuploJwtProperties properties) {
			return new ZuploBearerTokenResolver(ZuploJwtSettings.bearer(properties));
		}

		@Bean
		@ConditionalOnMissingBean(AuthenticationEntryPoint.class)
		ZuploAuthenticationEntryPoint zuploAuthenticationEntryPoint(ZuploJwtProperties properties) {
			return new ZuploAuthenticationEntryPoint(ZuploJwtSettings.bearer(properties));
		}

		@Bean
		@ConditionalOnMissingBean(AccessDeniedHandler.class)
		ZuploAccessDeniedHandler zuploAccessDeniedHandler() {
			return new ZuploAccessDeniedHandler();
		}

		/** Picked up by Spring Security's {@code WebSecurity} for the whole filter chain proxy. */
		@Bean
		@ConditionalOnMissingBean(RequestRejectedHandler.class)
		ZuploRequestRejectedHandler zuploRequestRejectedHandler() {
			return new ZuploRequestRejectedHandler();
		}

		/**
		 * The chain, unless the application declares its own. On Spring Security 6.5 the
		 * {@code HttpSecurity} methods declare {@code throws Exception}, hence this method does.
		 */
		@Bean
		@ConditionalOnMissingBean(SecurityFilterChain.class)
		@ConditionalOnBean(JwtDecoder.class)
		SecurityFilterChain zuploSecurityFilterChain(ObjectProvider<HttpSecurity> httpSecurity,
				ZuploJwtProperties properties, JwtDecoder decoder, JwtAuthenticationConverter authenticationConverter,
				BearerTokenResolver bearerTokenResolver, AuthenticationEntryPoint entryPoint,
				AccessDeniedHandler accessDeniedHandler, ObjectProvider<ManagementEndpoints> managementEndpoints,
				ObjectProvider<SecurityFilterChainAdjustment> adjustments,
				ObjectProvider<TokenVerificationObservation> observation) throws Exception {
			HttpSecurity http = httpSecurity.getIfAvailable(() -> {
				throw ZuploJwtSettings.cannotProtect("This servlet web application cannot be protected: Spring"
						+ " Security's web support is not enabled (no HttpSecurity bean). Keep Spring Boot's"
						+ " ServletWebSecurityAutoConfiguration, or add @EnableWebSecurity.");
			});
			TokenVerificationObservation observed = observation.getIfAvailable();
			JwtDecoder verifier = (observed != null) ? observed.observe(decoder) : decoder;
			RequestMatcher[] publicPaths = paths(ZuploJwtSettings.publicPaths(properties));
			RequestMatcher[] protectedPaths = paths(ZuploJwtSettings.protectedPaths(properties));
			boolean publicHealth = properties.getActuator().isPublicHealth();
			http.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				if (publicPaths.length > 0) {
					requests.requestMatchers(publicPaths).permitAll();
				}
				managementEndpoints.ifAvailable((endpoints) -> {
					if (publicHealth) {
						requests.requestMatchers(endpoints.health()).permitAll();
					}
					requests.requestMatchers(endpoints.anyEndpoint()).authenticated();
				});
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
				.jwt((jwt) -> jwt.decoder(verifier)
					.jwtAuthenticationConverter(ZuploJwtAuthenticationConfiguration.named(authenticationConverter, properties))));
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler));
			DefaultSecurityFilterChain chain = http.build();
			for (SecurityFilterChainAdjustment adjustment : adjustments.orderedStream().toList()) {
				chain = adjustment.adjust(chain);
			}
			return chain;
		}

		/**
		 * Path patterns matched as Spring's {@code PathPattern}s, as Spring Security 7 matches
		 * pattern strings: chosen here so that Spring Security 6.5 matches them the same way.
		 */
		private static RequestMatcher[] paths(String[] patterns) {
			PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
			return Arrays.stream(patterns).map(builder::matcher).toArray(RequestMatcher[]::new);
		}

	}

	/**
	 * A servlet web application without Spring Security's servlet configuration on the class
	 * path would serve every request unchecked: it does not start.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.config.annotation.web.builders.HttpSecurity")
	static class MissingServletSecurityConfiguration {

		@Bean
		Object zuploServletSecurityMissing() {
			throw ZuploJwtSettings.cannotProtect("This servlet web application cannot be protected: Spring"
					+ " Security's servlet configuration (spring-security-config) is not on the class path.");
		}

	}

}
