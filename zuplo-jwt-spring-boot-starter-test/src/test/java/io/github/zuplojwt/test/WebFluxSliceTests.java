package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.WebFluxTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.zuplojwt.test.ZuploWebTestClient.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploToken;

/**
 * A {@code @WebFluxTest} of one controller with the kit: a test issuer token is verified
 * as in the running application, and a test principal reaches the controller. (Without a
 * token, the starter's own slice tests show its problem+json.)
 */
@WebFluxTest(OrdersController.class)
@AutoConfigureZuploTestIssuer
class WebFluxSliceTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void aTestIssuerTokenReachesTheController() {
		this.client.mutateWith(zuploToken(this.issuer.token().subject("consumer-7")))
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consumer")
			.isEqualTo("consumer-7");
	}

	@Test
	void aTestPrincipalIsAZuploPrincipal() {
		this.client.mutateWith(zuploPrincipal(ZuploTokens.identityToken().claim("plan", "gold")))
			.get()
			.uri("/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("ZuploPrincipal")
			.jsonPath("$.account")
			.isEqualTo("test-account")
			.jsonPath("$.authorities[0]")
			.isEqualTo("plan:gold");
	}

}
