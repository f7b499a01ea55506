package io.github.zuplojwt.web;

import java.net.http.HttpResponse;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No OAuth 2.0 Protected Resource Metadata document (RFC 9728) is served, on either stack:
 * its path is an ordinary path that needs a token like every other, and no answer claims
 * certificate-bound tokens or points clients at an authorization server. (The servlet chain
 * leaves out Spring Security's metadata filter; its WebFlux support has none.)
 */
@BothStacks(classes = TestApplication.class)
class ProtectedResourceMetadataTests {

	private static final String METADATA = "/.well-known/oauth-protected-resource";

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void theMetadataPathNeedsATokenLikeAnyOtherPath(Stack stack) {
		assertProblem(stack.http().get(METADATA), 401, "bearer token is required");
		assertProblem(stack.http().get(METADATA + "/protected"), 401, "bearer token is required");
	}

	@StackTest
	void withATokenThereIsNoMetadataDocument(Stack stack) {
		HttpResponse<String> response = stack.http().getWithToken(METADATA, gateway.token().sign());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("tls_client_certificate_bound_access_tokens",
				"authorization_servers", "bearer_methods_supported");
	}

}
