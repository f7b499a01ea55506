package io.github.zuplojwt.test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test issuer over real HTTP, as the starter's key fetcher sees it: where it listens,
 * what it publishes, how it rotates its keys and how it fails in a simulated outage.
 */
class ZuploTestIssuerTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	private final ZuploTestIssuer issuer = ZuploTestIssuer.start();

	@AfterEach
	void close() {
		this.issuer.close();
	}

	@Test
	void itListensOnLoopbackAtAZuploShapedIssuerPath() {
		assertThat(this.issuer.issuer()).matches("http://127\\.0\\.0\\.1:\\d+/__zuplo/issuer");
		assertThat(this.issuer.jwksUri()).isEqualTo(this.issuer.issuer() + "/.well-known/jwks.json");
	}

	@Test
	void itPublishesAnEd25519AndAnRsaSigningKey() throws Exception {
		HttpResponse<String> response = get(this.issuer.jwksUri());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		List<Map<String, Object>> keys = keys(response);
		assertThat(keys).hasSize(2);
		assertThat(keys.get(0)).containsEntry("kty", "OKP")
			.containsEntry("crv", "Ed25519")
			.containsEntry("alg", "EdDSA")
			.containsEntry("use", "sig")
			.containsKeys("kid", "x")
			.doesNotContainKey("d");
		assertThat(keys.get(1)).containsEntry("kty", "RSA")
			.containsEntry("alg", "RS256")
			.containsEntry("use", "sig")
			.containsKeys("n", "e")
			.doesNotContainKeys("d", "p", "q");
		assertThat((String) keys.get(1).get("kid")).startsWith("atky_");
	}

	@Test
	void itServesADiscoveryDocumentNamingItself() throws Exception {
		HttpResponse<String> response = get(this.issuer.issuer() + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("issuer", this.issuer.issuer())
			.containsEntry("jwks_uri", this.issuer.jwksUri());
	}

	@Test
	void anotherPathIsNotFound() throws Exception {
		assertThat(get(this.issuer.issuer() + "/keys").statusCode()).isEqualTo(404);
	}

	@Test
	void rotatedKeysArePublishedBesideThePreviousOnesUntilThoseAreUnpublished() throws Exception {
		List<Object> before = kids();

		this.issuer.rotateKeys();
		List<Object> rotated = kids();

		assertThat(rotated).hasSize(4).containsAll(before);
		assertThat(rotated.subList(0, 2)).doesNotContainAnyElementsOf(before);

		this.issuer.unpublishPreviousKeys();

		assertThat(kids()).isEqualTo(rotated.subList(0, 2));
	}

	@Test
	void anOutageAnswers503UntilBackToNormal() throws Exception {
		this.issuer.outage();

		assertThat(get(this.issuer.jwksUri()).statusCode()).isEqualTo(503);
		assertThat(get(this.issuer.issuer() + "/.well-known/openid-configuration").statusCode()).isEqualTo(503);

		this.issuer.backToNormal();

		assertThat(get(this.issuer.jwksUri()).statusCode()).isEqualTo(200);
	}

	@Test
	void aHangHoldsRequestsUntilBackToNormal() throws Exception {
		this.issuer.hang();

		HttpRequest impatient = request(this.issuer.jwksUri()).timeout(Duration.ofMillis(300)).build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> client.send(impatient, HttpResponse.BodyHandlers.ofString()));
		CompletableFuture<HttpResponse<String>> held = client.sendAsync(request(this.issuer.jwksUri()).build(),
				HttpResponse.BodyHandlers.ofString());
		Thread.sleep(200);
		assertThat(held).isNotDone();

		this.issuer.backToNormal();

		assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void keySetRequestsAreCounted() throws Exception {
		get(this.issuer.jwksUri());
		this.issuer.outage();
		get(this.issuer.jwksUri());
		get(this.issuer.issuer() + "/.well-known/openid-configuration");

		assertThat(this.issuer.keySetRequests()).isEqualTo(2);
	}

	@Test
	void aClosedIssuerServesNothing() {
		this.issuer.close();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> get(this.issuer.jwksUri()));
	}

	private List<Object> kids() throws Exception {
		return keys(get(this.issuer.jwksUri())).stream().map((key) -> key.get("kid")).toList();
	}

	private static List<Map<String, Object>> keys(HttpResponse<String> response) throws Exception {
		return List.of(JSONObjectUtils.getJSONObjectArray(JSONObjectUtils.parse(response.body()), "keys"));
	}

	private static HttpResponse<String> get(String uri) throws Exception {
		return client.send(request(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5));
	}

}
