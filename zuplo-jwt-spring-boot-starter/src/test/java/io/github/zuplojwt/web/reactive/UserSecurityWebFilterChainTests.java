package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.support.ReactiveStack;
import io.github.zuplojwt.web.UserSecurityChainTests;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UserSecurityChainTests} with the README's own {@link SecurityWebFilterChain}, on
 * WebFlux.
 */
@ReactiveStack
@Import(UserSecurityWebFilterChainTests.ChainConfig.class)
class UserSecurityWebFilterChainTests extends UserSecurityChainTests {

	@Override
	protected void assertUsersChainServesEveryRequest() {
		assertThat(this.context.containsBean("zuploSecurityWebFilterChain")).isFalse();
		assertThat(this.context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst())
			.containsSame(this.context.getBean("api", SecurityWebFilterChain.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ChainConfig {

		@Bean
		SecurityWebFilterChain api(ServerHttpSecurity http, ServerAuthenticationConverter tokens,
				Converter<Jwt, Mono<AbstractAuthenticationToken>> principal, ServerAuthenticationEntryPoint entryPoint,
				ServerAccessDeniedHandler denied) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/public/**")
					.permitAll()
					.pathMatchers("/whoami-enterprise")
					.hasAuthority("plan:enterprise")
					.anyExchange()
					.authenticated())
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.csrf((csrf) -> csrf.disable())
				.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(tokens)
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(denied)
					.jwt((jwt) -> jwt.jwtAuthenticationConverter(principal)))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(denied))
				.build();
		}

	}

}
