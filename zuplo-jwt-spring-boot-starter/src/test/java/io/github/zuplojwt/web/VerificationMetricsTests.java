package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads from Actuator's metrics endpoint after real requests: verifications
 * by outcome and reason, key set fetches by outcome, and the keys cached per issuer.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE,
				"management.endpoints.web.exposure.include=health,metrics" })
abstract class VerificationMetricsTests extends AbstractGatewayTokenTests {

	@Test
	void verifiedAndRejectedRequestsAreCountedByOutcomeAndReason() throws ParseException {
		assertThat(this.http.getWithToken("/protected", this.token).statusCode()).isEqualTo(200);
		assertThat(this.http.getWithToken("/protected", expiredToken()).statusCode()).isEqualTo(401);

		Map<String, Object> all = metric("zuplo.token.verification");
		assertThat(tagValues(all, "outcome")).contains("accepted", "rejected");
		assertThat(tagValues(all, "reason")).contains("none", "expired");
		assertThat(tagValues(all, "zuplo.issuer")).containsOnly(gateway.issuer(), "none");
		assertThat(count(metric("zuplo.token.verification?tag=outcome:rejected&tag=reason:expired"))).isEqualTo(1);
		assertThat(count(metric("zuplo.token.verification?tag=outcome:accepted"))).isPositive();
	}

	@Test
	void keySetFetchesAndCachedKeysArePerIssuer() throws ParseException {
		assertThat(this.http.getWithToken("/protected", this.token).statusCode()).isEqualTo(200);

		assertThat(count(metric("zuplo.jwks.fetch?tag=outcome:success&tag=zuplo.issuer:" + gateway.issuer())))
			.isEqualTo(1);
		Map<String, Object> keys = metric("zuplo.jwks.keys?tag=zuplo.issuer:" + gateway.issuer());
		assertThat(value(keys, "VALUE")).isEqualTo(1);
		assertThat(metric("zuplo.token.cache.gets")).isNotEmpty();
	}

	private Map<String, Object> metric(String nameAndQuery) throws ParseException {
		HttpResponse<String> response = this.http.getWithToken("/actuator/metrics/" + nameAndQuery, this.token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSONObjectUtils.parse(response.body());
	}

	private static double count(Map<String, Object> metric) throws ParseException {
		return value(metric, "COUNT");
	}

	private static double value(Map<String, Object> metric, String statistic) throws ParseException {
		for (Map<String, Object> measurement : JSONObjectUtils.getJSONObjectArray(metric, "measurements")) {
			if (statistic.equals(measurement.get("statistic"))) {
				return ((Number) measurement.get("value")).doubleValue();
			}
		}
		throw new AssertionError("no " + statistic + " in " + metric);
	}

	private static List<String> tagValues(Map<String, Object> metric, String tag) throws ParseException {
		for (Map<String, Object> available : JSONObjectUtils.getJSONObjectArray(metric, "availableTags")) {
			if (tag.equals(available.get("tag"))) {
				return JSONObjectUtils.getStringList(available, "values");
			}
		}
		return List.of();
	}

}
