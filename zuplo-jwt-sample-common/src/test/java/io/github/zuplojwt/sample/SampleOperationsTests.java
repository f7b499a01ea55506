package io.github.zuplojwt.sample;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a sample run as docs/samples.md says (the {@code dev} profile):
 * health open and listing the {@code zuplo} component, the metrics endpoint closed without a
 * token, and verified and rejected requests counted under {@code zuplo.token.verification}.
 * Each sample runs these tests on its own stack.
 */
public abstract class SampleOperationsTests extends AbstractDevProfileTests {

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
		assertThat(get("/protected", "Bearer " + token).statusCode()).isEqualTo(200);
		String tampered = token.substring(0, token.length() - 4) + "AAAA";
		assertThat(get("/protected", "Bearer " + tampered).statusCode()).isEqualTo(401);

		HttpResponse<String> metric = get("/actuator/metrics/zuplo.token.verification", "Bearer " + token);

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

}
