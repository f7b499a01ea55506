package io.github.zuplojwt.adversarial;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.JwksServer;
import io.github.zuplojwt.support.TestKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidRequest;
import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a bearer token may come from with the default settings: the {@code Authorization}
 * header only, with a case-insensitive scheme. A token anywhere else (query string, form
 * field, multipart part, another header) is ignored, and a request with two tokens, or a
 * header token next to an {@code access_token} query parameter, is refused as ambiguous (400
 * {@code invalid_request}) even when both are valid.
 */
@SpringBootTest(classes = ProtectedService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "zuplo.audiences=" + BearerTokenParsingTests.AUDIENCE)
abstract class BearerTokenParsingTests {

	static final String AUDIENCE = "https://api.example.com";

	@RegisterExtension
	static final JwksServer gateway = JwksServer.create();

	static final TestKey key = TestKey.ed25519("ed-1");

	@LocalServerPort
	int port;

	HttpCalls http;

	String token;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("zuplo.issuer", gateway::issuer);
	}

	@BeforeAll
	static void publishKeys() {
		gateway.publish(key);
	}

	@BeforeEach
	void validToken() {
		this.http = new HttpCalls(this.port);
		this.token = key.token().issuer(gateway.issuer()).audience(AUDIENCE).sign();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Bearer", "bearer", "BEARER", "bEaReR" })
	void schemeIsCaseInsensitive(String scheme) {
		assertThat(this.http.get("/protected", "Authorization", scheme + " " + this.token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void otherAuthorizationSchemesBesideTheBearerTokenAreIgnored() {
		HttpResponse<String> response = this.http.get("/protected", "Authorization", "Basic dXNlcjpwYXNz",
				"Authorization", "Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenInTheQueryStringAloneIsIgnored() {
		assertProblem(this.http.get("/protected?access_token=" + this.token), 401, "bearer token is required");
	}

	@Test
	void tokenInAFormBodyAloneIsIgnored() {
		assertProblem(this.http.postForm("/protected", "access_token=" + this.token), 401,
				"bearer token is required");
	}

	@Test
	void formFieldBesideTheHeaderTokenIsNotRead() {
		String form = "access_token=" + URLEncoder.encode(this.token, StandardCharsets.UTF_8);

		HttpResponse<String> response = this.http.postForm("/protected", form, "Authorization",
				"Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void multipartPartNamedAccessTokenBesideTheHeaderTokenIsNotRead() {
		HttpResponse<String> response = this.http.postMultipart("/protected", Map.of("access_token", this.token),
				"Authorization", "Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

	@Test
	void tokenInAMultipartPartAloneIsIgnored() {
		assertProblem(this.http.postMultipart("/protected", Map.of("access_token", this.token)), 401,
				"bearer token is required");
	}

	@Test
	void tokenInAnotherHeaderIsIgnored() {
		assertProblem(this.http.get("/protected", "X-Authorization", "Bearer " + this.token), 401,
				"bearer token is required");
	}

	@Test
	void twoAuthorizationHeadersAreAnInvalidRequest() {
		HttpResponse<String> response = this.http.get("/protected", "Authorization", "Bearer " + this.token,
				"Authorization", "Bearer " + this.token);

		assertInvalidRequest(response, "more than one bearer token");
	}

	@Test
	void twoTokensJoinedInOneHeaderAreAnInvalidRequest() {
		HttpResponse<String> response = this.http.get("/protected", "Authorization",
				"Bearer " + this.token + ", bearer " + this.token);

		assertInvalidRequest(response, "more than one bearer token");
	}

	@Test
	void tokenInHeaderAndQueryIsAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected?access_token=" + this.token, "Authorization",
				"Bearer " + this.token), "both");
	}

	@Test
	void tokenInHeaderAndAnEmptyQueryParameterIsAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected?access_token=", "Authorization", "Bearer " + this.token),
				"both");
	}

	@Test
	void tokenInHeaderAndAPercentEncodedQueryParameterNameIsAnInvalidRequest() {
		assertInvalidRequest(this.http.get("/protected?access%5Ftoken=x", "Authorization", "Bearer " + this.token),
				"both");
	}

	@Test
	void queryParametersWithOtherNamesBesideTheHeaderTokenAreFine() {
		HttpResponse<String> response = this.http.get("/protected?access_token_hint=x&q=access_token",
				"Authorization", "Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenInHeaderAndQueryOfAFormPostIsAnInvalidRequest() {
		assertInvalidRequest(this.http.postForm("/protected?access_token=x", "note=hello", "Authorization",
				"Bearer " + this.token), "query parameter");
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "Bearer", "Bearer ", "Bearer a b", "Bearer =abc", "Bearer abc\"def", "Bearer a,b" })
	void malformedBearerCredentialIsRejected(String authorization) {
		assertInvalidToken(this.http.get("/protected", "Authorization", authorization), "malformed");
	}

}
