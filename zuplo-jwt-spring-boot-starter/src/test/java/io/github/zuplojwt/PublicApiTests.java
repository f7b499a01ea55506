package io.github.zuplojwt;

import java.util.Map;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public API is the one recorded in {@code src/test/resources/public-api.txt}:
 * a change to it fails here until it is accepted on purpose. No public signature exposes an
 * internal type, apart from the few listed below with the reason.
 */
class PublicApiTests {

	private static final PublicApi API = PublicApi.of(ZuploJwtAutoConfiguration.class,
			"zuplo-jwt-spring-boot-starter");

	private static final String DECODER = "io.github.zuplojwt.decoder.";

	private static final String ISSUERS_AND_POLICY = "java.util.List<" + DECODER + "TrustedIssuer>, " + DECODER
			+ "VerificationPolicy, io.github.zuplojwt.internal.crypto.VerificationKeys";

	private static final String BUILT_BY_THE_AUTO_CONFIGURATION = "the auto-configuration builds the decoder;"
			+ " building a ZuploJwtDecoder by hand is not API (README, Public API)";

	/** Where the API still exposes an internal type, and why it may for now. */
	private static final Map<String, String> INTERNAL_TYPES_IN_PUBLIC_SIGNATURES = Map.of(
			DECODER + "ZuploJwtDecoder#builder(" + ISSUERS_AND_POLICY + ")", BUILT_BY_THE_AUTO_CONFIGURATION,
			DECODER + "ZuploJwtDecoder#create(" + ISSUERS_AND_POLICY + ", org.springframework.security.oauth2.core"
					+ ".OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>)",
			BUILT_BY_THE_AUTO_CONFIGURATION,
			DECODER + "TrustedIssuer#<init>(String, io.github.zuplojwt.internal.jwks.JwksSettings,"
					+ " java.util.Set<String>, java.util.Map<String, java.util.List<String>>)",
			BUILT_BY_THE_AUTO_CONFIGURATION,
			DECODER + "TrustedIssuer#jwks()", BUILT_BY_THE_AUTO_CONFIGURATION,
			DECODER + "ZuploJwtDecoder#keySets()", "the health indicator and the key gauge read the key sets"
					+ " through the decoder; users read them from the zuplo health component and zuplo.jwks.keys");

	@Test
	void thePublicApiIsTheRecordedOne() {
		API.assertRecorded();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "io.github.zuplojwt.internal.boot3.ZuploJwtBoot3AutoConfiguration",
			"io.github.zuplojwt.internal.boot4.ZuploJwtBoot4AutoConfiguration" })
	void theAdaptersOfTheSpringBootGenerationsHaveNoPublicApi(String adapter) throws ClassNotFoundException {
		Class<?> anyClass = Class.forName(adapter, false, getClass().getClassLoader());

		assertThat(PublicApi.of(anyClass, "zuplo-jwt-spring-boot-adapter").lines()).isEmpty();
	}

	@Test
	void publicSignaturesExposeNoInternalTypesButTheListedOnes() {
		API.assertExposesNoHiddenTypesExcept(INTERNAL_TYPES_IN_PUBLIC_SIGNATURES);
	}

}
