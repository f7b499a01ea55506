package io.github.zuplojwt.internal.web;

import java.util.List;
import java.util.Map;

import io.github.zuplojwt.web.RequestIdSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which request ids are taken: one UUID from the first of the configured headers that the
 * request carries, and nothing else, however close; and how the id enters and leaves the
 * logging MDC.
 */
class GatewayRequestIdTests {

	private static final String ID = "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5";

	private static final String OTHER_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

	@AfterEach
	void clearMdc() {
		MDC.remove(RequestIdSettings.MDC_KEY);
	}

	@Test
	void zuplosRequestIdIsTaken() {
		assertThat(read(Map.of("zp-rid", List.of(ID)))).isEqualTo(ID);
	}

	@Test
	void anUppercaseUuidIsTakenAsItCame() {
		assertThat(read(Map.of("zp-rid", List.of(ID.toUpperCase())))).isEqualTo(ID.toUpperCase());
	}

	@Test
	void theSecondHeaderIsReadWhenTheFirstIsAbsent() {
		assertThat(read(Map.of("zuplo-request-id", List.of(ID)))).isEqualTo(ID);
	}

	@Test
	void theFirstHeaderWinsOverTheSecond() {
		assertThat(read(Map.of("zp-rid", List.of(ID), "zuplo-request-id", List.of(OTHER_ID)))).isEqualTo(ID);
	}

	@Test
	void aMalformedFirstHeaderIsNotReplacedByTheSecond() {
		assertThat(read(Map.of("zp-rid", List.of("not-an-id"), "zuplo-request-id", List.of(ID)))).isNull();
	}

	@Test
	void twoHeadersAreNoId() {
		assertThat(read(Map.of("zp-rid", List.of(ID, ID)))).isNull();
		assertThat(read(Map.of("zp-rid", List.of(ID, OTHER_ID)))).isNull();
	}

	@Test
	void noHeaderIsNoId() {
		assertThat(read(Map.of())).isNull();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "not-a-uuid", "4d54e4eec0034d75aeb92c6e4a5c5ed5",
			"{4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5}", "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5 ",
			" 4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5", "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed",
			"4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5a", "4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ezz",
			"4d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5, 0f8fad5b-d9cb-469f-a165-70867728950e",
			"4d54e4ee_c003_4d75_aeb9_2c6e4a5c5ed5", "４d54e4ee-c003-4d75-aeb9-2c6e4a5c5ed5" })
	void aValueOfAnotherShapeIsNoId(String value) {
		assertThat(read(Map.of("zp-rid", List.of(value)))).isNull();
	}

	@ParameterizedTest(name = "control character U+{0}")
	@ValueSource(ints = { 0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x7f, 0x85, 0x2028 })
	void aValueWithAControlCharacterIsNoId(int character) {
		String forged = ID.substring(0, 35) + (char) character;
		String injected = ID + (char) character + "Rejected token: forged";

		assertThat(read(Map.of("zp-rid", List.of(forged)))).isNull();
		assertThat(read(Map.of("zp-rid", List.of(injected)))).isNull();
	}

	@Test
	void anOversizeValueIsNoId() {
		assertThat(read(Map.of("zp-rid", List.of(ID.repeat(200))))).isNull();
		assertThat(read(Map.of("zp-rid", List.of(ID + "-" + "a".repeat(8000))))).isNull();
	}

	@Test
	void configuredHeadersAreReadInTheirOrder() {
		RequestIdSettings settings = new RequestIdSettings(List.of("X-Request-Id", "zp-rid"));
		Map<String, List<String>> headers = Map.of("X-Request-Id", List.of(OTHER_ID), "zp-rid", List.of(ID));

		assertThat(GatewayRequestId.read(settings, (name) -> headers.getOrDefault(name, List.of())))
			.isEqualTo(OTHER_ID);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "zp rid", "zp-rid:", "zp-rïd" })
	void settingsRefuseNamesThatAreNoHttpHeaders(String headerName) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestIdSettings(List.of(headerName)))
			.withMessageContaining("not a valid HTTP header name");
	}

	@Test
	void settingsRefuseAnEmptyName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestIdSettings(List.of("zp-rid", "")))
			.withMessage("A header name must not be empty.");
	}

	@Test
	void settingsNeedAHeader() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestIdSettings(List.of()))
			.withMessageContaining("zp-rid");
	}

	@Test
	void theIdIsInTheMdcWhileTheActionRunsAndWhatWasThereBeforeComesBack() {
		MDC.put(RequestIdSettings.MDC_KEY, OTHER_ID);

		String seen = GatewayRequestId.inMdc(ID, () -> MDC.get(RequestIdSettings.MDC_KEY));

		assertThat(seen).isEqualTo(ID);
		assertThat(MDC.get(RequestIdSettings.MDC_KEY)).isEqualTo(OTHER_ID);
	}

	@Test
	void enteringWithoutAnIdLeavesNoneInTheMdcUntilLeaving() {
		MDC.put(RequestIdSettings.MDC_KEY, OTHER_ID);

		String previous = GatewayRequestId.enter(null);

		assertThat(MDC.get(RequestIdSettings.MDC_KEY)).isNull();
		GatewayRequestId.leave(previous);
		assertThat(MDC.get(RequestIdSettings.MDC_KEY)).isEqualTo(OTHER_ID);
		GatewayRequestId.leave(null);
		assertThat(MDC.get(RequestIdSettings.MDC_KEY)).isNull();
	}

	@Test
	void onlyAWellFormedIdInTheMdcIsTheCurrentOne() {
		MDC.put(RequestIdSettings.MDC_KEY, "set by someone else\r\n");
		assertThat(GatewayRequestId.current()).isNull();

		MDC.put(RequestIdSettings.MDC_KEY, ID);
		assertThat(GatewayRequestId.current()).isEqualTo(ID);
	}

	private static String read(Map<String, List<String>> headers) {
		return GatewayRequestId.read(RequestIdSettings.DEFAULTS, (name) -> headers.getOrDefault(name, List.of()));
	}

}
