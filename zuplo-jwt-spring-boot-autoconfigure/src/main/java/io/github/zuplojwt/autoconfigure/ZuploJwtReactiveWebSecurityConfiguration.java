package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.internal.boot.ReactiveManagementEndpoints;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.web.reactive.ObservedReactiveJwtDecoder;
import io.github.zuplojwt.web.reactive.ZuploServerAccessDeniedHandler;
import io.github.zuplojwt.web.reactive.ZuploServerAuthenticationEntryPoint;
import io.github.zuplojwt.web.reactive.ZuploServerBearerTokenConverter;
import io.github.zuplojwt.web.reactive.ZuploServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The reactive security web filter chain, the counterpart of the servlet one: a valid token
 * on protected paths, public paths open, stateless, no session, CSRF or login machinery,
 * and the same problem+json errors, for requests Spring Security's firewall refuses too; the
 * token is read where {@code zuplo.bearer.*} says. Each piece backs off when the application
 * declares its own of the same type ({@link SecurityWebFilterChain},
 * {@link ServerAuthenticationConverter}, {@link ServerAuthenticationEntryPoint},
 * {@link ServerAccessDeniedHandler}, {@link ServerExchangeRejectedHandler}).
 */
@Configuration(proxyBeanMethods = false)
class ZuploJwtReactiveWebSecurityConfiguration {

	/** The chain and its pieces, where Spring Security's WebFlux configuration is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class, Mono.class })
	static class ReactiveSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean(ServerAuthenticationConverter.class)
		ZuploServerBearerTokenConverter zuploServerBearerTokenConverter(ZuploJwtProperties properties) {
			return new ZuploServerBearerTokenConverter(ZuploJwtSettings.bearer(properties));
		}

		@Bean
		@ConditionalOnMissingBean(ServerAuthenticationEntryPoint.class)
		ZuploServerAuthenticationEntryPoint zuploServerAuthenticationEntryPoint(ZuploJwtProperties properties) {
			return new ZuploServerAuthenticationEntryPoint(ZuploJwtSettings.bearer(properties));
		}

		@Bean
		@ConditionalOnMissingBean(ServerAccessDeniedHandler.class)
		ZuploServerAccessDeniedHandler zuploServerAccessDeniedHandler() {
			return new ZuploServerAccessDeniedHandler();
		}

		/** Picked up by Spring Security's WebFlux configuration for the whole filter chain proxy. */
		@Bean
		@ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
		ZuploServerExchangeRejectedHandler zuploServerExchangeRejectedHandler() {
			return new ZuploServerExchangeRejectedHandler();
		}

		/**
		 * Ordered so that it serves every request even where Spring Boot 4.1.1's reactive
		 * resource-server auto-configuration adds an unordered chain of its own next to it.
		 */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE - 100)
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		@ConditionalOnBean(ReactiveJwtDecoder.class)
		SecurityWebFilterChain zuploSecurityWebFilterChain(ObjectProvider<ServerHttpSecurity> httpSecurity,
				ZuploJwtProperties properties, ReactiveJwtDecoder decoder,
				Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter,
				ServerAuthenticationConverter bearerTokenConverter, ServerAuthenticationEntryPoint entryPoint,
				ServerAccessDeniedHandler accessDeniedHandler,
				ObjectProvider<ReactiveManagementEndpoints> managementEndpoints,
				ObjectProvider<TokenVerificationObservation> observation) {
			ServerHttpSecurity http = httpSecurity.getIfAvailable(() -> {
				throw ZuploJwtSettings.cannotProtect("This reactive web application cannot be protected: Spring"
						+ " Security's WebFlux support is not enabled (no ServerHttpSecurity bean). Keep Spring Boot's"
						+ " ReactiveWebSecurityAutoConfiguration, or add @EnableWebFluxSecurity.");
			});
			TokenVerificationObservation observed = observation.getIfAvailable();
			ReactiveJwtDecoder verifier = (observed != null) ? new ObservedReactiveJwtDecoder(decoder, observed)
					: decoder;
			String[] publicPaths = ZuploJwtSettings.publicPaths(properties);
			String[] protectedPaths = ZuploJwtSettings.protectedPaths(properties);
			boolean publicHealth = properties.getActuator().isPublicHealth();
			http.authorizeExchange((exchanges) -> {
				if (publicPaths.length > 0) {
					exchanges.pathMatchers(publicPaths).permitAll();
				}
				managementEndpoints.ifAvailable((endpoints) -> {
					if (publicHealth) {
						exchanges.matchers(endpoints.health()).permitAll();
					}
					exchanges.matchers(endpoints.anyEndpoint()).authenticated();
				});
				if (protectedPaths.length > 0) {
					exchanges.pathMatchers(protectedPaths).authenticated();
				}
				exchanges.anyExchange().permitAll();
			});
			http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
			http.csrf((csrf) -> csrf.disable());
			http.formLogin((login) -> login.disable());
			http.httpBasic((basic) -> basic.disable());
			http.logout((logout) -> logout.disable());
			http.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
			http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(bearerTokenConverter)
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler)
				.jwt((jwt) -> jwt.jwtDecoder(verifier).jwtAuthenticationConverter(authenticationConverter)));
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDeniedHandler));
			return http.build();
		}

	}

	/**
	 * A reactive web application without Spring Security's WebFlux configuration on the
	 * class path would serve every request unchecked: it does not start.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.security.config.web.server.ServerHttpSecurity")
	static class MissingReactiveSecurityConfiguration {

		@Bean
		Object zuploReactiveSecurityMissing() {
			throw ZuploJwtSettings.cannotProtect("This reactive web application cannot be protected: Spring"
					+ " Security's WebFlux configuration (spring-security-config) is not on the class path.");
		}

	}

}
