package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads from Actuator's metrics endpoint after real requests: verifications
 * by outcome and reason, key set fetches by outcome, and the keys cached per issuer.
 */
@BothStacks(classes = TestApplication.class, properties = "management.endpoints.web.exposure.include=health,metrics")
class VerificationMetricsTests {

	@TestGateway(audience = "api")
	static Gateway gateway;

	@StackTest
	void verifiedAndRejectedRequestsAreCountedByOutcomeAndReason(Stack stack) throws ParseException {
		String token = gateway.token().sign();
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);
		assertThat(stack.http().getWithToken("/protected", gateway.expiredToken()).statusCode()).isEqualTo(401);

		Map<String, Object> all = metric(stack, token, "zuplo.token.verification");
		assertThat(tagValues(all, "outcome")).contains("accepted", "rejected");
		assertThat(tagValues(all, "reason")).contains("none", "expired");
		assertThat(tagValues(all, "zuplo.issuer")).containsOnly(gateway.issuer(), "none");
		assertThat(count(metric(stack, token, "zuplo.token.verification?tag=outcome:rejected&tag=reason:expired")))
			.isEqualTo(1);
		assertThat(count(metric(stack, token, "zuplo.token.verification?tag=outcome:accepted"))).isPositive();
	}

	@StackTest
	void keySetFetchesAndCachedKeysArePerIssuer(Stack stack) throws ParseException {
		String token = gateway.token().sign();
		assertThat(stack.http().getWithToken("/protected", token).statusCode()).isEqualTo(200);

		assertThat(count(metric(stack, token,
				"zuplo.jwks.fetch?tag=outcome:success&tag=zuplo.issuer:" + gateway.issuer())))
			.isEqualTo(1);
		Map<String, Object> keys = metric(stack, token, "zuplo.jwks.keys?tag=zuplo.issuer:" + gateway.issuer());
		assertThat(value(keys, "VALUE")).isEqualTo(1);
		assertThat(metric(stack, token, "zuplo.token.cache.gets")).isNotEmpty();
	}

	/** A metric as Actuator shows it to a caller with the given token. */
	private static Map<String, Object> metric(Stack stack, String token, String nameAndQuery) throws ParseException {
		HttpResponse<String> response = stack.http().getWithToken("/actuator/metrics/" + nameAndQuery, token);
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
