package io.github.zuplojwt.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.sample.devissuer.DevIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of the sample run as the README says (the {@code dev} profile):
 * health open and listing the {@code zuplo} component, the metrics endpoint closed without a
 * token, and verified and rejected requests counted under {@code zuplo.token.verification}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SampleOperationsTests {

	private static final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	DevIssuer devIssuer;

	@Test
	void healthAnswersWithoutATokenAndListsTheZuploComponent() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(200);
		Map<String, Object> components = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(health.body()),
				"components");
		assertThat(components).containsKey("zuplo");
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
	}

	@Test
	void metricsNeedAToken() throws Exception {
		HttpResponse<String> metrics = get("/actuator/metrics", null);

		assertThat(metrics.statusCode()).isEqualTo(401);
		assertThat(metrics.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void verifiedAndRejectedRequestsShowUnderTheVerificationMetric() throws Exception {
		String token = this.devIssuer.mintDemoToken();
		assertThat(get("/protected", token).statusCode()).isEqualTo(200);
		assertThat(get("/protected", token.substring(0, token.length() - 4) + "AAAA").statusCode()).isEqualTo(401);

		HttpResponse<String> metric = get("/actuator/metrics/zuplo.token.verification", token);

		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(tagValues(metric, "outcome")).contains("accepted", "rejected");
		assertThat(tagValues(metric, "reason")).contains("none", "signature");
	}

	private static List<String> tagValues(HttpResponse<String> metric, String tag) throws ParseException {
		for (Map<String, Object> available : JSONObjectUtils
			.getJSONObjectArray(JSONObjectUtils.parse(metric.body()), "availableTags")) {
			if (tag.equals(available.get("tag"))) {
				return JSONObjectUtils.getStringList(available, "values");
			}
		}
		return List.of();
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
