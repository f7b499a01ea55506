package io.github.zuplojwt.test;


import io.github.zuplojwt.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * The test kit's public API is the one recorded in {@code src/test/resources/public-api.txt}:
 * a change to it fails here until it is accepted on purpose. No public signature exposes a
 * type users cannot rely on, of the kit or of the starter.
 */
class PublicApiTests {

	private static final PublicApi API = PublicApi.of(ZuploTestIssuer.class, "zuplo-jwt-spring-boot-starter-test");

	@Test
	void thePublicApiIsTheRecordedOne() {
		API.assertRecorded();
	}

	@Test
	void publicSignaturesExposeOnlyApiTypes() {
		API.assertExposesNoHiddenTypes();
	}

}
