package com.example.orders;

import static io.github.zuplojwt.test.ZuploTokens.upstreamToken;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploToken;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.github.zuplojwt.test.AutoConfigureZuploTestIssuer;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A controller slice on Spring Boot 3.5: {@code @WebFluxTest} loads the starter's security
 * under Spring Boot 3's annotation names, so no token gets the starter's problem+json 401
 * (not Spring Boot's HTTP Basic challenge), and spring-security-test's {@code mockJwt()} and
 * the test kit's tokens and principals are accepted.
 */
@WebFluxTest(OrdersApplication.OrdersController.class)
@AutoConfigureZuploTestIssuer
class OrdersControllerTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void withoutATokenTheStarterAnswers401() {
		this.client.get()
			.uri("/protected")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void springSecurityTestsMockJwtIsAccepted() {
		this.client.mutateWith(mockJwt()).get().uri("/protected").exchange().expectStatus().isOk();
	}

	@Test
	void aSignedTokenOfTheTestIssuerIsAccepted() {
		this.client.mutateWith(zuploToken(this.issuer.token()))
			.get()
			.uri("/protected")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Access granted");
	}

	@Test
	void aTestPrincipalIsAZuploPrincipal() {
		this.client.mutateWith(zuploPrincipal(upstreamToken().subject("alice")))
			.get()
			.uri("/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("alice")
			.jsonPath("$.consumer")
			.isEqualTo("alice");
	}

}
