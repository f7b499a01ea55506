package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.support.boot.WebFluxTest;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @WebFluxTest} slice loads the starter's security, so a controller test sees the
 * answers the running application gives: the starter's problem+json, not Spring Boot's
 * default chain with its HTTP Basic challenge.
 */
@WebFluxTest(controllers = TestApplication.class,
		properties = { "zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api" })
class WebFluxSliceTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Test
	void aRequestWithoutATokenGetsTheStartersProblemResponse() {
		this.client.get()
			.uri("/protected")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.json("""
					{"status":401,"title":"Unauthorized",
					 "detail":"a bearer token is required: send it in the Authorization header"}""");
	}

	@Test
	void theStartersChainServesTheRequestsFirst() {
		assertThat(this.context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst())
			.containsSame(this.context.getBean("zuploSecurityWebFilterChain", SecurityWebFilterChain.class));
	}

}
