package io.github.zuplojwt.web.servlet;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.web.TestApplication;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own filter chain, written as the README shows: the starter's chain
 * backs off, and its decoder, authorities and responses still apply.
 */
@SpringBootTest(classes = { TestApplication.class, UserSecurityFilterChainTests.ChainConfig.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=api", "zuplo.authorities-claim=plan", "zuplo.authority-prefix=plan:" })
class UserSecurityFilterChainTests {

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
	void usersChainIsTheOnlyOne() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("api");
	}

	@Test
	void usersRulesApplyWithTheStartersDecoderAndAuthorities() {
		HttpCalls http = new HttpCalls(this.port);

		assertThat(http.get("/public/hello").statusCode()).isEqualTo(200);
		assertThat(http.getWithToken("/whoami", token("silver")).statusCode()).isEqualTo(200);
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
		SecurityFilterChain api(HttpSecurity http, BearerTokenResolver tokens, AuthenticationEntryPoint entryPoint,
				AccessDeniedHandler denied) {
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
