package io.github.zuplojwt.internal.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for the configured header names and token prefix on their own: what an HTTP
 * header name and an authentication scheme may be made of, and the reason given for anything
 * else. The settings mapper names the property; these say why.
 */
class HeaderValuesTests {

	private static final String NOT_A_HEADER_NAME = "It is not a valid HTTP header name: use only letters, digits"
			+ " and !#$%&'*+-.^_`|~, with no spaces or colon.";

	@Test
	void headerNamesAreHttpTokens() {
		for (String name : List.of("Authorization", "X-Gateway-Token", "zp-rid", "x_token.v2", "!#$%&'*+-.^_`|~")) {
			assertThat(HeaderValues.whyNotAHeaderName(name, "missing")).as(name).isNull();
		}
	}

	@Test
	void aHeaderNameWithASpaceColonOrOtherCharacterIsRefused() {
		for (String name : List.of("X Token", "X-Token:", "X-Token\r\n", "Tök", "(token)", "\"x\"")) {
			assertThat(HeaderValues.whyNotAHeaderName(name, "missing")).as(name).isEqualTo(NOT_A_HEADER_NAME);
		}
	}

	@Test
	void aMissingHeaderNameGetsTheCallersReason() {
		assertThat(HeaderValues.whyNotAHeaderName(null, "A header name is required.")).isEqualTo(
				"A header name is required.");
		assertThat(HeaderValues.whyNotAHeaderName("", "A header name is required.")).isEqualTo(
				"A header name is required.");
	}

	@Test
	void aTokenPrefixIsOneWordOrNothing() {
		assertThat(HeaderValues.whyNotATokenPrefix("Bearer")).isNull();
		assertThat(HeaderValues.whyNotATokenPrefix("Zuplo")).isNull();
		assertThat(HeaderValues.whyNotATokenPrefix("")).isNull();
		assertThat(HeaderValues.whyNotATokenPrefix(null)).startsWith("Give a prefix such as Bearer");
	}

	@Test
	void aPrefixWithSpacesIsRefusedWithTheHintThatSpacesAreMatchedAnyway() {
		for (String prefix : List.of("Bearer ", " Bearer", "Zuplo Token", "Bearer\t")) {
			assertThat(HeaderValues.whyNotATokenPrefix(prefix)).as(prefix)
				.startsWith("It must be one word without spaces")
				.contains("the spaces between prefix and token are matched anyway");
		}
	}

	@Test
	void aPrefixWithAnyOtherCharacterIsRefused() {
		for (String prefix : List.of("Bearer:", "Bé", "<token>")) {
			assertThat(HeaderValues.whyNotATokenPrefix(prefix)).as(prefix)
				.isEqualTo("It must be one word of letters, digits and !#$%&'*+-.^_`|~, such as Bearer, or empty when"
						+ " the header holds only the token.");
		}
	}

	@Test
	void theRequestIdIsReadFromAtLeastOneValidHeader() {
		assertThat(HeaderValues.whyNotRequestIdHeaders(List.of("zp-rid", "zuplo-request-id"))).isNull();
		assertThat(HeaderValues.whyNotRequestIdHeaders(List.of())).isEqualTo(
				"At least one header name is required; Zuplo sends zp-rid.");
		assertThat(HeaderValues.whyNotRequestIdHeaders(null)).isEqualTo(
				"At least one header name is required; Zuplo sends zp-rid.");
		assertThat(HeaderValues.whyNotRequestIdHeaders(List.of("zp-rid", "zp rid"))).isEqualTo(NOT_A_HEADER_NAME);
		assertThat(HeaderValues.whyNotRequestIdHeaders(Arrays.asList("zp-rid", ""))).isEqualTo(
				"A header name must not be empty.");
	}

}
