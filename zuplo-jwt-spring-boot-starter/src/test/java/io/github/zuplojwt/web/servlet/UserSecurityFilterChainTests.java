package io.github.zuplojwt.web.servlet;

import io.github.zuplojwt.support.ServletStack;
import io.github.zuplojwt.web.UserSecurityChainTests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UserSecurityChainTests} with the README's own {@link SecurityFilterChain}, on Spring
 * MVC.
 */
@ServletStack
@Import(UserSecurityFilterChainTests.ChainConfig.class)
class UserSecurityFilterChainTests extends UserSecurityChainTests {

	@Override
	protected void assertUsersChainServesEveryRequest() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("api");
	}

	@Configuration(proxyBeanMethods = false)
	static class ChainConfig {

		@Bean
		SecurityFilterChain api(HttpSecurity http, BearerTokenResolver tokens, AuthenticationEntryPoint entryPoint,
				AccessDeniedHandler denied) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
				.permitAll()
				.requestMatchers("/whoami-enterprise")
				.hasAuthority("plan:enterprise")
				.anyRequest()
				.authenticated())
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable())
				.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(tokens)
					.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(denied)
					.jwt(Customizer.withDefaults()))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
					.accessDeniedHandler(denied));
			return http.build();
		}

	}

}
