package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.AutoConfigureWebTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.github.zuplojwt.test.ZuploWebTestClient.zuploPrincipal;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploRequestId;
import static io.github.zuplojwt.test.ZuploWebTestClient.zuploToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application under {@code @SpringBootTest} with the kit: test issuer tokens go
 * through the application's real filter chain and verification, and test principals without
 * a signature reach controllers as the {@code ZuploPrincipal} and authorities the application
 * makes.
 */
@SpringBootTest(properties = "spring.main.web-application-type=reactive")
@AutoConfigureWebTestClient
@AutoConfigureZuploTestIssuer
class ZuploWebTestClientTests {

	private static final String REQUEST_ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@Autowired
	WebTestClient client;

	@Autowired
	ZuploTestIssuer issuer;

	@Test
	void aSignedTokenIsVerifiedAndReachesTheController() {
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
	void theControllerGetsAZuploPrincipalWithTheApplicationsAuthorities() {
		this.client.mutateWith(zuploToken(this.issuer.identityToken().claim("plan", "gold")))
			.get()
			.uri("/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("ZuploPrincipal")
			.jsonPath("$.issuer")
			.isEqualTo(this.issuer.issuer())
			.jsonPath("$.account")
			.isEqualTo("test-account")
			.jsonPath("$.authorities[0]")
			.isEqualTo("plan:gold");
	}

	@Test
	void anExpiredTokenGetsTheProblemResponse() {
		this.client.mutateWith(zuploToken(this.issuer.token().expired()))
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("token expired");
	}

	@Test
	void aMissingAuthorityIsForbidden() {
		this.client.mutateWith(zuploToken(this.issuer.token().claim("plan", "silver")))
			.get()
			.uri("/gold")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void aTestPrincipalIsAZuploPrincipalWithTheApplicationsAuthorities() {
		this.client.mutateWith(zuploPrincipal(ZuploTokens.upstreamToken().subject("alice").claim("plan", "gold")))
			.get()
			.uri("/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("ZuploPrincipal")
			.jsonPath("$.name")
			.isEqualTo("alice")
			.jsonPath("$.audience[0]")
			.isEqualTo("https://api.example.com")
			.jsonPath("$.authorities[0]")
			.isEqualTo("plan:gold");
	}

	@Test
	void aTestPrincipalMeetsAuthorityChecksAsTheApplicationMapsThem() {
		this.client.mutateWith(zuploPrincipal(ZuploTokens.upstreamToken().subject("alice").claim("plan", "gold")))
			.get()
			.uri("/gold")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Welcome to the gold plan, alice");
		this.client.mutateWith(zuploPrincipal()).get().uri("/gold").exchange().expectStatus().isForbidden();
	}

	@Test
	void aTestPrincipalAppliesToItsOwnClientOnly() {
		WebTestClient authenticated = this.client.mutateWith(zuploPrincipal());

		authenticated.get().uri("/orders").exchange().expectStatus().isOk();
		this.client.get().uri("/orders").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aRefusedRequestsProblemQuotesTheGatewaysRequestId() {
		this.client.mutateWith(zuploToken(this.issuer.token().expired()))
			.mutateWith(zuploRequestId(REQUEST_ID))
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("token expired")
			.jsonPath("$.trace.requestId")
			.isEqualTo(REQUEST_ID)
			.consumeWith((result) -> assertThat(result.getRequestHeaders().getFirst("zp-rid")).isEqualTo(REQUEST_ID));
	}

	@Test
	void mutatingTwiceSendsOneTokenTheLastOne() {
		String first = this.issuer.token().subject("first").sign();
		String second = this.issuer.token().subject("second").sign();

		this.client.mutateWith(zuploToken(first))
			.mutateWith(zuploToken(second))
			.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.consumer")
			.isEqualTo("second");
		assertThat(first).isNotEqualTo(second);
	}

}
