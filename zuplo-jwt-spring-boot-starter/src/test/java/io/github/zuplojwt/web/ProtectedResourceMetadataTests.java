package io.github.zuplojwt.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No OAuth 2.0 Protected Resource Metadata document (RFC 9728) is served, on either stack:
 * its path is an ordinary path that needs a token like every other, and no answer claims
 * certificate-bound tokens or points clients at an authorization server. (The servlet chain
 * leaves out Spring Security's metadata filter; its WebFlux support has none.)
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE)
abstract class ProtectedResourceMetadataTests extends AbstractGatewayTokenTests {

	private static final String METADATA = "/.well-known/oauth-protected-resource";

	@Test
	void theMetadataPathNeedsATokenLikeAnyOtherPath() {
		assertProblem(this.http.get(METADATA), 401, "bearer token is required");
		assertProblem(this.http.get(METADATA + "/protected"), 401, "bearer token is required");
	}

	@Test
	void withATokenThereIsNoMetadataDocument() {
		HttpResponse<String> response = this.http.getWithToken(METADATA, this.token);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("tls_client_certificate_bound_access_tokens",
				"authorization_servers", "bearer_methods_supported");
	}

}
