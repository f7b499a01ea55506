package io.github.zuplojwt.internal.web;

import java.util.List;

import io.github.zuplojwt.web.BearerTokenSettings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How one header value is read, character by character: the prefix in any casing, then
 * spaces, one token68 (RFC 7235) and nothing but spaces; anything else is a malformed token,
 * and a second credential in the same value is an ambiguous request.
 */
class BearerTokenExtractorTests {

	private static final BearerTokenExtractor withPrefix = new BearerTokenExtractor(BearerTokenSettings.DEFAULTS);

	private static final BearerTokenExtractor wholeValue = new BearerTokenExtractor(
			new BearerTokenSettings("X-Gateway-Token", "", false));

	@ParameterizedTest(name = "[{0}] holds [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Bearer abc.DEF-ghi_jkl              | abc.DEF-ghi_jkl
			bearer abc                          | abc
			BEARER    abc                       | abc
			"Bearer abc   "                     | abc
			Bearer a~b+c/d==                    | a~b+c/d==
			""")
	void aWellFormedCredentialGivesItsToken(String header, String token) {
		assertThat(withPrefix.extract(request("Authorization", header), List.of())).isEqualTo(token);
	}

	@ParameterizedTest(name = "[{0}] is malformed")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Bearer
			"Bearer "
			"Bearer\tabc"
			Bearer abc def
			Bearer =abc
			Bearer abc=d
			Bearer abc,def
			Bearer ab\u00e9c
			Bearer abc;
			""")
	void anythingElseAfterThePrefixIsMalformed(String header) {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> withPrefix.extract(request("Authorization", header), List.of()));
	}

	@ParameterizedTest(name = "[{0}] is ambiguous")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			"Bearer abc, Bearer def"
			"Bearer abc,bearer"
			""")
	void aSecondCredentialInTheSameValueIsAnAmbiguousRequest(String header) {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> withPrefix.extract(request("Authorization", header), List.of()))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
	}

	@ParameterizedTest(name = "[{0}] is not a bearer credential")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Basic dXNlcjpwYXNz
			Bearerabc
			"Token abc"
			""")
	void anotherSchemeIsNoToken(String header) {
		assertThat(withPrefix.extract(request("Authorization", header), List.of())).isNull();
	}

	@ParameterizedTest(name = "[{0}] holds [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			abc.def.ghi        | abc.def.ghi
			"  abc  "          | abc
			""")
	void withoutAPrefixTheWholeValueIsTheToken(String header, String token) {
		assertThat(wholeValue.extract(request("X-Gateway-Token", header), List.of())).isEqualTo(token);
	}

	@ParameterizedTest(name = "[{0}] is malformed")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""
			Bearer abc
			"abc def"
			""")
	void withoutAPrefixAnythingButOneTokenIsMalformed(String header) {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> wholeValue.extract(request("X-Gateway-Token", header), List.of()));
	}

	@ParameterizedTest(name = "form field [{0}] is malformed")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""
			"abc def"
			=abc
			""")
	void aFormFieldMustBeExactlyOneToken(String field) {
		BearerTokenExtractor form = new BearerTokenExtractor(new BearerTokenSettings("Authorization", "Bearer", true));

		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> form.extract(request("Authorization", null), List.of(field)));
	}

	private static BearerTokenRequest request(String name, String value) {
		return new BearerTokenRequest() {

			@Override
			public List<String> headerValues(String header) {
				return (value != null && header.equalsIgnoreCase(name)) ? List.of(value) : List.of();
			}

			@Override
			public String rawQuery() {
				return null;
			}

			@Override
			public String method() {
				return "POST";
			}

			@Override
			public String contentType() {
				return "application/x-www-form-urlencoded";
			}

		};
	}

}
