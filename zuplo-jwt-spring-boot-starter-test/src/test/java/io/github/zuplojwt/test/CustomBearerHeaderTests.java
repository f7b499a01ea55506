package io.github.zuplojwt.test;

import io.github.zuplojwt.support.boot.AutoConfigureMockMvc;
import io.github.zuplojwt.support.boot.AutoConfigureWebTestClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application that reads the token from another header, as the Upstream Zuplo JWT
 * policy's {@code headerName} and {@code tokenPrefix} allow, and the request id from another
 * header first: the kit sends both there, on MockMvc and to a running WebFlux server alike.
 */
class CustomBearerHeaderTests {

	private static final String GATEWAY_HEADER = "zuplo.bearer.header-name=X-Gateway-Token";

	private static final String GATEWAY_PREFIX = "zuplo.bearer.token-prefix=Zuplo";

	private static final String REQUEST_ID_HEADER = "zuplo.request-id.header-names=X-Request-Id,zp-rid";

	private static final String REQUEST_ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@Nested
	@SpringBootTest(properties = { GATEWAY_HEADER, GATEWAY_PREFIX, REQUEST_ID_HEADER })
	@AutoConfigureMockMvc
	@AutoConfigureZuploTestIssuer
	class OnMockMvc {

		@Autowired
		MockMvc mvc;

		@Autowired
		ZuploTestIssuer issuer;

		@Test
		void theTokenIsSentInTheConfiguredHeaderAfterTheConfiguredPrefix() throws Exception {
			String token = this.issuer.token().subject("consumer-7").sign();

			this.mvc
				.perform(get("/orders").with((request) -> {
					ZuploMockMvc.zuploToken(token).postProcessRequest(request);
					assertThat(request.getHeader("X-Gateway-Token")).isEqualTo("Zuplo " + token);
					assertThat(request.getHeader("Authorization")).isNull();
					return request;
				}))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.consumer").value("consumer-7"));
		}

		@Test
		void theRequestIdIsSentInTheFirstConfiguredHeader() throws Exception {
			this.mvc.perform(get("/request-id").with(ZuploMockMvc.zuploToken(this.issuer.token())).with((request) -> {
				ZuploMockMvc.zuploRequestId(REQUEST_ID).postProcessRequest(request);
				assertThat(request.getHeader("X-Request-Id")).isEqualTo(REQUEST_ID);
				assertThat(request.getHeader("zp-rid")).isNull();
				return request;
			})).andExpect(status().isOk()).andExpect(jsonPath("$.requestId").value(REQUEST_ID));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { GATEWAY_HEADER, GATEWAY_PREFIX,
			REQUEST_ID_HEADER, "spring.main.web-application-type=reactive" })
	@AutoConfigureWebTestClient
	@AutoConfigureZuploTestIssuer
	class OnARunningWebFluxServer {

		@LocalServerPort
		int port;

		@Autowired
		WebTestClient client;

		@Autowired
		ZuploTestIssuer issuer;

		@Test
		void theTokenIsSentInTheConfiguredHeaderAfterTheConfiguredPrefix() {
			String token = this.issuer.token().subject("consumer-7").sign();

			this.client.mutateWith(ZuploWebTestClient.zuploToken(token))
				.get()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.consumer")
				.isEqualTo("consumer-7")
				.consumeWith((result) -> {
					assertThat(result.getRequestHeaders().getFirst("X-Gateway-Token")).isEqualTo("Zuplo " + token);
					assertThat(result.getRequestHeaders().get("Authorization")).isNull();
				});
		}

		@Test
		void theRequestIdIsSentInTheFirstConfiguredHeader() {
			this.client.mutateWith(ZuploWebTestClient.zuploRequestId(REQUEST_ID))
				.get()
				.uri("/orders")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.trace.requestId")
				.isEqualTo(REQUEST_ID)
				.consumeWith((result) -> {
					assertThat(result.getRequestHeaders().getFirst("X-Request-Id")).isEqualTo(REQUEST_ID);
					assertThat(result.getRequestHeaders().getFirst("zp-rid")).isNull();
				});
		}

		@Test
		void aTestPrincipalNeedsAClientBoundToTheApplication() {
			WebTestClient againstTheServer = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();

			assertThatIllegalStateException()
				.isThrownBy(() -> againstTheServer.mutateWith(ZuploWebTestClient.zuploPrincipal()))
				.withMessageContaining("running server");
		}

	}

}
