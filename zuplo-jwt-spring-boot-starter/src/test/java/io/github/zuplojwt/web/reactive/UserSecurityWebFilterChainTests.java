package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.ReactiveStack;
import io.github.zuplojwt.support.TestKey;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reactive application with its own web filter chain, written as the README shows: the
 * starter's chain backs off, and its decoder, principal, authorities and responses still
 * apply.
 */
@ReactiveStack
@SpringBootTest(classes = { TestApplication.class, UserSecurityWebFilterChainTests.ChainConfig.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.authorities-claim=plan", "zuplo.authority-prefix=plan:" })
class UserSecurityWebFilterChainTests {

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey key = TestKey.ed25519("k1");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeAll
	static void publish() {
		gateway.publish(key);
	}

	private String token(String plan) {
		return key.token().issuer(gateway.issuer()).audience("api").claim("plan", plan).sign();
	}

	@Test
	void usersChainServesEveryRequestAndTheStartersIsAbsent() {
		assertThat(this.context.containsBean("zuploSecurityWebFilterChain")).isFalse();
		assertThat(this.context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst())
			.containsSame(this.context.getBean("api", SecurityWebFilterChain.class));
	}

	@Test
	void usersRulesApplyWithTheStartersDecoderPrincipalAndAuthorities() {
		HttpCalls http = new HttpCalls(this.port);

		assertThat(http.get("/public/hello").statusCode()).isEqualTo(200);
		assertThat(http.getWithToken("/whoami", token("silver")).body()).startsWith("consumer-alice [")
			.contains("plan:silver");
		assertThat(http.getWithToken("/me", token("silver")).body()).contains("\"consumer\":\"consumer-alice\"");
		assertThat(http.getWithToken("/whoami-enterprise", token("enterprise")).statusCode()).isEqualTo(404);
		assertProblem(http.getWithToken("/whoami-enterprise", token("silver")), 403, "authority");
	}

	@Test
	void startersResponsesAreKept() {
		HttpCalls http = new HttpCalls(this.port);

		assertProblem(http.get("/protected"), 401, "bearer token is required");
		assertInvalidToken(http.getWithToken("/protected", token("silver") + "x"), "malformed");
		assertProblem(http.get("/protected", "Authorization", "Bearer " + token("a"), "Authorization",
				"Bearer " + token("b")), 400, "more than one");
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
