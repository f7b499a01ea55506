package io.github.zuplojwt.web;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.github.zuplojwt.support.BothStacks;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.Stack;
import io.github.zuplojwt.support.StackTest;
import io.github.zuplojwt.support.TestGateway;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.zuplojwt.support.ProblemAssert.assertInvalidToken;
import static io.github.zuplojwt.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's request id ({@code zp-rid}) ties what this service records of a request to
 * Zuplo's log of it: the application's own log lines and code find it in the logging MDC
 * while the request runs, and no longer after; the starter's error bodies quote it, and the
 * token verification observation carries it off the metric tags. A malformed or forged id
 * appears nowhere. On WebFlux, the MDC follows the request with Micrometer's context
 * propagation and {@code spring.reactor.context-propagation=auto}, as docs/operations.md says.
 */
@ExtendWith(OutputCaptureExtension.class)
@BothStacks(classes = { TestApplication.class, RequestCorrelationTests.RecordedVerifications.class },
		properties = { "zuplo.public-paths=/public/**", "spring.reactor.context-propagation=auto",
				"logging.level.io.github.zuplojwt=DEBUG", "server.tomcat.threads.max=1",
				"server.tomcat.threads.min-spare=1" })
class RequestCorrelationTests {

	static final String ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	@TestGateway(audience = "api")
	static Gateway gateway;

	/** The token verifications of the application under test. */
	private List<Observation.Context> verifications;

	/** The log lines the application's own controller writes, with their MDC. */
	private final ListAppender<ILoggingEvent> applicationLog = new ListAppender<>();

	/**
	 * Forgets the application's earlier verifications and records its log from here on, once
	 * it runs (starting it resets the logging system).
	 */
	@BeforeEach
	void recordVerificationsAndTheApplicationsLog(Stack stack) {
		this.verifications = stack.bean(RecordedVerifications.class).contexts;
		this.verifications.clear();
		this.applicationLog.start();
		controllerLogger().addAppender(this.applicationLog);
	}

	@AfterEach
	void stopRecordingTheApplicationsLog() {
		controllerLogger().detachAppender(this.applicationLog);
	}

	private static Logger controllerLogger() {
		return (Logger) LoggerFactory.getLogger(TestApplication.Endpoints.class);
	}

	/** The gateway's request id in the MDC of each of the controller's log lines, {@code none} for none. */
	private List<String> requestIdsLogged() {
		return this.applicationLog.list.stream()
			.map((event) -> event.getMDCPropertyMap().getOrDefault(RequestIdSettings.MDC_KEY, "none"))
			.toList();
	}

	/** Spring Boot turns Reactor's automatic context propagation on for the whole JVM. */
	@AfterAll
	static void restoreReactorDefaults() {
		Hooks.disableAutomaticContextPropagation();
	}

	@StackTest
	void theApplicationFindsTheIdInTheMdcOnAProtectedPath(Stack stack) throws ParseException {
		HttpResponse<String> response = stack.http()
			.get("/request-id", "Authorization", "Bearer " + gateway.token().sign(), "zp-rid", ID);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("requestId", ID);
		assertThat(requestIdsLogged()).containsExactly(ID);
	}

	@StackTest
	void theApplicationFindsTheIdInTheMdcOnAPublicPath(Stack stack) throws ParseException {
		HttpResponse<String> response = stack.http().get("/public/request-id", "zp-rid", ID);

		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("requestId", ID);
	}

	@StackTest
	void zuplosSecondHeaderIsReadWhenTheFirstIsAbsent(Stack stack) throws ParseException {
		HttpResponse<String> response = stack.http().get("/public/request-id", "zuplo-request-id", ID);

		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("requestId", ID);
	}

	@StackTest
	void theIdLeavesTheMdcWhenTheRequestEnds(Stack stack) throws ParseException {
		Map<String, Object> withId = JSONObjectUtils.parse(stack.http().get("/public/request-id", "zp-rid", ID).body());
		Map<String, Object> next = JSONObjectUtils.parse(stack.http().get("/public/request-id").body());

		assertThat(next.get("thread")).as("the same thread serves both").isEqualTo(withId.get("thread"));
		assertThat(next).containsEntry("requestId", "null");
		assertThat(requestIdsLogged()).containsExactly(ID, "none");
	}

	@StackTest
	void aRefusedRequestsBodyQuotesTheId(Stack stack) throws ParseException {
		HttpResponse<String> response = stack.http()
			.get("/protected", "Authorization", "Bearer " + gateway.expiredToken(), "zp-rid", ID);

		Map<String, Object> body = assertInvalidToken(response, "expired");
		assertThat(JSONObjectUtils.getJSONObject(body, "trace")).containsExactly(Map.entry("requestId", ID));
		assertThat(response.body()).endsWith(",\"trace\":{\"requestId\":\"" + ID + "\"}}");
	}

	@StackTest
	void aBodyWithoutAnIdHasNoTrace(Stack stack) {
		HttpResponse<String> response = stack.http().get("/protected");

		assertThat(assertProblem(response, 401, "bearer token is required")).doesNotContainKey("trace");
	}

	@StackTest
	void theVerificationCarriesTheIdOnTheSpanButNotOnTheMetric(Stack stack) {
		assertThat(stack.http()
			.get("/protected", "Authorization", "Bearer " + gateway.token().sign(), "zp-rid", ID)
			.statusCode()).isEqualTo(200);
		assertThat(stack.http().get("/protected", "Authorization", "Bearer " + gateway.expiredToken(), "zp-rid", ID)
			.statusCode()).isEqualTo(401);

		assertThat(this.verifications).hasSize(2).allSatisfy((context) -> {
			assertThat(context.getHighCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID))
				.isEqualTo(KeyValue.of(TokenVerificationObservation.REQUEST_ID, ID));
			assertThat(context.getLowCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID)).isNull();
		});
		assertThat(stack.bean(MeterRegistry.class).find(TokenVerificationObservation.NAME).timers()).isNotEmpty()
			.allSatisfy((timer) -> assertThat(timer.getId().getTag(TokenVerificationObservation.REQUEST_ID))
				.isNull());
	}

	@StackTest
	void aVerificationWithoutAnIdCarriesNone(Stack stack) {
		stack.http().getWithToken("/protected", gateway.token().sign());

		assertThat(this.verifications).singleElement()
			.satisfies((context) -> assertThat(
					context.getHighCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID))
				.isNull());
	}

	static Stream<Arguments> malformedIds() {
		return Stream.of(Arguments.of("not UUID-shaped", new String[] { "zp-rid", "req-12345" }),
				Arguments.of("a UUID without hyphens", new String[] { "zp-rid", "4d54e4eec0034d75aeb92c6e4a5c5ed5" }),
				Arguments.of("oversize", new String[] { "zp-rid", ID + "-" + "a1".repeat(1500) }),
				Arguments.of("a tab inside", new String[] { "zp-rid", ID + "\tforged" }),
				Arguments.of("a Latin-1 control character", new String[] { "zp-rid", ID + "\u0085forged" }),
				Arguments.of("two headers", new String[] { "zp-rid", ID, "zp-rid", ID }),
				Arguments.of("a malformed zp-rid before a good zuplo-request-id",
						new String[] { "zp-rid", "forged-id", "zuplo-request-id", ID }));
	}

	@StackTest(cases = "malformedIds")
	void aMalformedIdAppearsNowhere(Stack stack, String name, String[] idHeaders, CapturedOutput output)
			throws ParseException {
		HttpResponse<String> refused = stack.http().get("/protected",
				with(idHeaders, "Authorization", "Bearer " + gateway.expiredToken()));
		HttpResponse<String> served = stack.http().get("/public/request-id", idHeaders);

		assertThat(assertInvalidToken(refused, "expired")).doesNotContainKey("trace");
		assertThat(JSONObjectUtils.parse(served.body())).containsEntry("requestId", "null");
		assertThat(requestIdsLogged()).containsExactly("none");
		assertThat(this.verifications).singleElement()
			.satisfies((context) -> assertThat(
					context.getHighCardinalityKeyValue(TokenVerificationObservation.REQUEST_ID))
				.isNull());
		assertThat(output.getOut()).contains("Rejected token: token expired").doesNotContain("requestId=");
		for (int i = 1; i < idHeaders.length; i += 2) {
			assertThat(refused.body()).doesNotContain(idHeaders[i]);
			assertThat(served.body()).doesNotContain(idHeaders[i]);
			assertThat(output.getAll()).doesNotContain(idHeaders[i]);
		}
	}

	private static String[] with(String[] headers, String name, String value) {
		String[] all = new String[headers.length + 2];
		all[0] = name;
		all[1] = value;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

	/** Records every token verification the application observes: an observation handler bean. */
	@TestConfiguration(proxyBeanMethods = false)
	static class RecordedVerifications implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return TokenVerificationObservation.NAME.equals(context.getName());
		}

		@Override
		public void onStop(Observation.Context context) {
			this.contexts.add(context);
		}

	}

}
