package io.github.zuplojwt.principal;

import io.github.zuplojwt.support.ReactiveStack;
import io.github.zuplojwt.support.boot.AutoConfigureWebTestClient;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/**
 * Users' own WebFlux controller tests keep using {@code spring-security-test}'s
 * {@code mockJwt()}: a {@code Jwt} parameter receives the mock token, and authorities work
 * as in production.
 */
@ReactiveStack
@SpringBootTest(classes = TestApplication.class,
		properties = { "zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api" })
@AutoConfigureWebTestClient
class ReactiveSpringSecurityTestSupportTests {

	@Autowired
	WebTestClient client;

	@Test
	void mockJwtReachesAJwtParameter() {
		this.client.mutateWith(mockJwt().jwt((token) -> token.subject("test-consumer").claim("plan", "gold")))
			.get()
			.uri("/protected")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Access granted")
			.jsonPath("$.user.sub")
			.isEqualTo("test-consumer")
			.jsonPath("$.user.plan")
			.isEqualTo("gold");
	}

	@Test
	void mockJwtAuthoritiesMeetAuthorityChecks() {
		this.client.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("role:admin")))
			.get()
			.uri("/admin")
			.exchange()
			.expectStatus()
			.isOk();
		this.client.mutateWith(mockJwt()).get().uri("/admin").exchange().expectStatus().isForbidden();
	}

	@Test
	void withoutATokenTheStartersEntryPointAnswers() {
		this.client.get()
			.uri("/protected")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("a bearer token is required: send it in the Authorization header");
	}

}
