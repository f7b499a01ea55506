package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.Stacks;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application on both stacks answers the same requests the same way: status,
 * body byte for byte, and the headers a client acts on. Both run side by side here, Spring
 * MVC on Tomcat and Spring WebFlux on Reactor Netty, with the same configuration and the
 * same gateway.
 */
@BothStacks(classes = TestApplication.class,
		properties = { "zuplo.public-paths=/public/**", "zuplo.authorities-claim=roles",
				"zuplo.authority-prefix=role:", "zuplo.jwks.refresh-cooldown=2s" })
class StackParityTests {

	/** The headers the contract speaks of and those Spring Security adds, compared by value. */
	private static final List<String> CONTRACT_HEADERS = List.of("content-type", "www-authenticate", "cache-control",
			"retry-after", "content-length", "x-content-type-options", "x-frame-options", "x-xss-protection", "pragma",
			"expires");

	static final String ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@TestGateway(audience = "api")
	static Gateway gateway;

	/** A second trusted issuer, whose key set cannot be fetched. */
	@TestGateway(trustedAs = "zuplo.issuers[0]")
	static Gateway brokenGateway;

	@BeforeAll
	static void breakTheSecondGateway() {
		brokenGateway.stubFor(get(urlPathEqualTo(Gateway.JWKS_PATH)).willReturn(aResponse().withStatus(502)));
	}

	static String valid() {
		return gateway.token().sign();
	}

	static Stream<Arguments> requests() {
		String valid = valid();
		String second = valid();
		String expired = gateway.expiredToken();
		String fromBrokenGateway = gateway.token().issuer(brokenGateway.issuer()).sign();
		String reader = gateway.token().claim("roles", "reader").sign();
		return Stream.of(
				request("valid token", (http) -> http.getWithToken("/protected", valid)),
				request("typed principal", (http) -> http.getWithToken("/me", valid)),
				request("public path", (http) -> http.get("/public/hello")),
				request("no token", (http) -> http.get("/protected")),
				request("no token, encoded path", (http) -> http.get("/protected/%7Eitem%20x?q=1")),
				request("expired token", (http) -> http.getWithToken("/protected", expired)),
				request("malformed token", (http) -> http.getWithToken("/protected", "not.a.jwt")),
				request("malformed credential", (http) -> http.get("/protected", "Authorization", "Bearer a b")),
				request("two tokens", (http) -> http.get("/protected", "Authorization", "Bearer " + valid,
						"Authorization", "Bearer " + second)),
				request("header and query token", (http) -> http.getWithToken("/protected?access_token=x", valid)),
				request("missing authority", (http) -> http.getWithToken("/admin", reader)),
				request("keys unavailable", (http) -> http.getWithToken("/protected", fromBrokenGateway)),
				request("public path, with request id", (http) -> http.get("/public/hello", "zp-rid", ID)),
				request("malformed request id", (http) -> http.get("/protected", "zp-rid", "forged")));
	}

	/** Refused requests that carry the gateway's request id, one for each error status. */
	static Stream<Arguments> refusedWithRequestId() {
		String valid = valid();
		String fromBrokenGateway = gateway.token().issuer(brokenGateway.issuer()).sign();
		String reader = gateway.token().claim("roles", "reader").sign();
		return Stream.of(request("400 two tokens", (http) -> http.get("/protected", "Authorization",
				"Bearer " + valid, "Authorization", "Bearer " + valid, "zp-rid", ID)),
				request("401 no token", (http) -> http.get("/protected", "zp-rid", ID)),
				request("401 malformed token", (http) -> http.get("/protected", "Authorization", "Bearer not.a.jwt",
						"zp-rid", ID)),
				request("403 missing authority", (http) -> http.get("/admin", "Authorization", "Bearer " + reader,
						"zuplo-request-id", ID)),
				request("503 keys unavailable", (http) -> http.get("/protected", "Authorization",
						"Bearer " + fromBrokenGateway, "zp-rid", ID)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedWithRequestId")
	void bothStacksQuoteTheRequestIdAlike(String name, Function<HttpCalls, HttpResponse<String>> call,
			Stacks stacks) {
		HttpResponse<String> fromServlet = call.apply(stacks.servlet().http());
		HttpResponse<String> fromReactive = call.apply(stacks.reactive().http());

		assertThat(fromServlet.statusCode()).as("status").isEqualTo(Integer.parseInt(name.substring(0, 3)));
		assertThat(fromServlet.body()).as("body").endsWith(",\"trace\":{\"requestId\":\"" + ID + "\"}}");
		assertThat(fromReactive.statusCode()).as("status").isEqualTo(fromServlet.statusCode());
		assertThat(fromReactive.body()).as("body").isEqualTo(fromServlet.body());
		assertThat(contractHeaders(fromReactive)).as("headers").isEqualTo(contractHeaders(fromServlet));
	}

	private static Arguments request(String name, Function<HttpCalls, HttpResponse<String>> call) {
		return Arguments.of(name, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void bothStacksAnswerAlike(String name, Function<HttpCalls, HttpResponse<String>> call, Stacks stacks) {
		HttpResponse<String> fromServlet = call.apply(stacks.servlet().http());
		HttpResponse<String> fromReactive = call.apply(stacks.reactive().http());

		assertThat(fromReactive.statusCode()).as("status").isEqualTo(fromServlet.statusCode());
		assertThat(fromReactive.body()).as("body").isEqualTo(fromServlet.body());
		assertThat(contractHeaders(fromReactive)).as("headers").isEqualTo(contractHeaders(fromServlet));
	}

	/**
	 * The same name and authorities; Spring Security lists its own {@code FACTOR_BEARER}
	 * authority (with the time it was granted) first on one stack and last on the other.
	 */
	@Test
	void principalNameAndAuthoritiesAreTheSame(Stacks stacks) {
		String admin = gateway.token().claim("roles", List.of("admin")).sign();

		String fromServlet = stacks.servlet().http().getWithToken("/whoami", admin).body();
		String fromReactive = stacks.reactive().http().getWithToken("/whoami", admin).body();

		List<String> expected = new ArrayList<>(SpringBootGeneration.BEARER_FACTOR_AUTHORITIES);
		expected.addAll(List.of("consumer-alice", "role:admin"));
		assertThat(authorities(fromReactive)).isEqualTo(authorities(fromServlet))
			.containsExactlyElementsOf(expected.stream().sorted().toList());
	}

	private static List<String> authorities(String whoami) {
		return Stream.of(whoami.replaceAll("FactorGrantedAuthority \\[authority=([A-Z_]+), issuedAt=[^]]+]", "$1")
			.split("[\\s,\\[\\]]+")).filter((part) -> !part.isEmpty()).sorted().toList();
	}

	/**
	 * The headers the contract fixes. How a controller frames its own body is the web
	 * server's choice, not the starter's (Reactor Netty on Spring Boot 3.5 sends its length,
	 * Tomcat chunks it), so a successful answer's {@code content-length} is not compared; the
	 * starter's own answers have it on both stacks.
	 */
	private static Map<String, List<String>> contractHeaders(HttpResponse<String> response) {
		Map<String, List<String>> headers = new TreeMap<>();
		boolean starterAnswer = response.statusCode() >= 400;
		for (String name : CONTRACT_HEADERS) {
			if (name.equals("content-length") && !starterAnswer) {
				continue;
			}
			List<String> values = response.headers().allValues(name);
			if (!values.isEmpty()) {
				headers.put(name, values);
			}
		}
		return headers;
	}

}
