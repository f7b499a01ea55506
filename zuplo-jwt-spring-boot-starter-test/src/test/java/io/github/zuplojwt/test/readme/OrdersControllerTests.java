package io.github.zuplojwt.test.readme;

import io.github.zuplojwt.support.boot.WebFluxTest;
import io.github.zuplojwt.test.AutoConfigureZuploTestIssuer;
import io.github.zuplojwt.test.OrdersController;
import io.github.zuplojwt.test.ZuploTestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.zuplojwt.test.ZuploTokens.upstreamToken;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploToken;

/**
 * The README's WebFlux example, as a user writes it: a controller slice that answers as the
 * running application does, with a signed token, without one, and with a test principal.
 */
@WebFluxTest(OrdersController.class)
@AutoConfigureZuploTestIssuer
class OrdersControllerTests {

	@Autowired WebTestClient client;
	@Autowired ZuploTestIssuer issuer;

	@Test
	void aGoldConsumerGetsTheGoldPlan() {
		client.mutateWith(zuploToken(issuer.token().subject("alice").claim("plan", "gold")))
			.get().uri("/gold").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.message").isEqualTo("Welcome to the gold plan, alice");
	}

	@Test
	void withoutATokenTheStarterAnswers401() {
		client.get().uri("/gold").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType("application/problem+json");
	}

	@Test
	void controllersGetAZuploPrincipalWithoutASignature() {
		client.mutateWith(zuploPrincipal(upstreamToken().subject("bob").claim("plan", "silver")))
			.get().uri("/me").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.consumer").isEqualTo("bob")
			.jsonPath("$.authorities[0]").isEqualTo("plan:silver");
	}

}
