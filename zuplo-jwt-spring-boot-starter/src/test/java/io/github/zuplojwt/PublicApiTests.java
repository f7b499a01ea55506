package io.github.zuplojwt;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's public API is the one recorded in {@code src/test/resources/public-api.txt}:
 * a change to it fails here until it is accepted on purpose. It is the whole promise: no
 * public signature exposes an internal type.
 */
class PublicApiTests {

	private static final PublicApi API = PublicApi.of(ZuploJwtAutoConfiguration.class,
			"zuplo-jwt-spring-boot-starter");

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
		API.assertExposesNoHiddenTypes();
	}

}
