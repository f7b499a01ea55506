package io.github.zuplojwt.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.zuplojwt.autoconfigure.IdentityTokenPins.UnpinnedAccountException;
import io.github.zuplojwt.internal.decoder.TrustedIssuer;
import io.github.zuplojwt.internal.jwks.JwksSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The rule for Zuplo's Identity Token issuer on its own: which issuers it is, when trusting it
 * stops startup and what that says, and what it warns about.
 */
class IdentityTokenPinsTests {

	private static final String ISSUER = IdentityTokenPins.DOCUMENTED_ISSUER;

	private static final Map<String, List<String>> ACCOUNT_AND_PROJECT = Map.of("account", List.of("acme-corp"),
			"project", List.of("billing-api"));

	@ParameterizedTest
	@ValueSource(strings = { ISSUER, ISSUER + "/", "https://dev.zuplo.com/v1/client-auth/auth_another_client",
			"https://DEV.Zuplo.COM/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"http://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com:443/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com:8443/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com./v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/V1/Client-Auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com//v1//client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/v1/./client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/other/../v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/v1/client%2Dauth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/v1/client-auth" })
	void everySpellingOfZuplosIdentityTokenIssuerIsIt(String issuer) {
		assertThat(IdentityTokenPins.isIdentityTokenIssuer(URI.create(issuer))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer",
			"https://dev.zuplo.com.evil.example/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://evil.example/dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://notdev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/v1/client-authority/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com/v2/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD", "https://dev.zuplo.com/",
			"http://localhost:8080/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD" })
	void otherIssuersAreNot(String issuer) {
		assertThat(IdentityTokenPins.isIdentityTokenIssuer(URI.create(issuer))).isFalse();
	}

	@Test
	void withoutAnAccountPinTheIdentityTokenIssuerIsRefusedNamingThePropertyToSet() {
		assertThatExceptionOfType(UnpinnedAccountException.class)
			.isThrownBy(() -> IdentityTokenPins.requireAccountPin("zuplo.issuers[1].issuer",
					issuer(ISSUER, Map.of("project", List.of("billing-api"))), "zuplo.issuers[1].required-claims",
					"zuplo.issuers[1].required-claims", false))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("zuplo.issuers[1].required-claims.account");
				assertThat(ex.getValue()).isNull();
				assertThat(ex.description()).isEqualTo("zuplo.issuers[1].issuer is Zuplo's Identity Token issuer ("
						+ ISSUER + "), which every Zuplo customer shares: any Zuplo customer's gateway can mint an"
						+ " Identity Token for any audience, this service's included. No account is pinned for it"
						+ " (zuplo.issuers[1].required-claims.account is not set), so the application does not start.");
				assertThat(ex.action()).isEqualTo("Set zuplo.issuers[1].required-claims.account to your Zuplo"
						+ " account, and zuplo.issuers[1].required-claims.project to the project whose gateway calls"
						+ " this service. Only if the application checks the account in code of its own, set"
						+ " zuplo.identity-tokens.allow-unpinned-account=true to start anyway.");
				assertThat(ex.getReason()).isEqualTo(ex.description() + " " + ex.action());
			});
	}

	@Test
	void anEntryThatInheritsItsClaimsIsToldWhereTheyComeFromAndHowToPinItAlone() {
		assertThatExceptionOfType(UnpinnedAccountException.class)
			.isThrownBy(() -> IdentityTokenPins.requireAccountPin("zuplo.issuers[0].issuer", issuer(ISSUER, Map.of()),
					"zuplo.required-claims", "zuplo.issuers[0].required-claims", false))
			.satisfies((ex) -> {
				assertThat(ex.getName()).isEqualTo("zuplo.required-claims.account");
				assertThat(ex.description()).contains("(the entry has no required-claims of its own, and"
						+ " zuplo.required-claims.account is not set)");
				assertThat(ex.action()).startsWith("Set zuplo.required-claims.account to your Zuplo account")
					.contains("To pin them for this entry alone, set zuplo.issuers[0].required-claims.account and"
							+ " zuplo.issuers[0].required-claims.project instead.");
			});
	}

	@Test
	void anAccountPinOrTheOptOutLetsTheIdentityTokenIssuerBeTrusted() {
		assertThatNoException().isThrownBy(() -> IdentityTokenPins.requireAccountPin("zuplo.issuer",
				issuer(ISSUER, Map.of("account", List.of("acme-corp"))), "zuplo.required-claims",
				"zuplo.required-claims", false));
		assertThatNoException().isThrownBy(() -> IdentityTokenPins.requireAccountPin("zuplo.issuer",
				issuer(ISSUER, Map.of()), "zuplo.required-claims", "zuplo.required-claims", true));
	}

	@Test
	void otherIssuersNeedNoAccountPin() {
		assertThatNoException().isThrownBy(() -> IdentityTokenPins.requireAccountPin("zuplo.issuer",
				issuer("https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer", Map.of()), "zuplo.required-claims",
				"zuplo.required-claims", false));
		assertThat(IdentityTokenPins.warning(issuer("https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer", Map.of())))
			.isNull();
	}

	@Test
	void withoutAProjectPinItWarnsThatEveryProjectOfTheAccountIsAccepted() {
		assertThat(IdentityTokenPins.warning(issuer(ISSUER, Map.of("account", List.of("acme-corp")))))
			.isEqualTo("No project is pinned for issuer " + ISSUER + ", Zuplo's Identity Token issuer, so Identity"
					+ " Tokens from every project of the pinned account are accepted. Set zuplo.required-claims.project"
					+ " (or the entry's required-claims.project under zuplo.issuers) to the project whose gateway calls"
					+ " this service.");
	}

	@Test
	void withoutAnAccountPinItWarnsThatEveryCustomersTokensAreAccepted() {
		assertThat(IdentityTokenPins.warning(issuer(ISSUER, Map.of("project", List.of("billing-api")))))
			.isEqualTo("zuplo.identity-tokens.allow-unpinned-account is on and no account is pinned for issuer "
					+ ISSUER + ". It is Zuplo's Identity Token issuer, which every Zuplo customer shares, so Identity"
					+ " Tokens minted by any Zuplo customer's gateway are accepted unless the application's own"
					+ " checks refuse them.");
	}

	@Test
	void withAccountAndProjectPinnedNothingIsWarned() {
		assertThat(IdentityTokenPins.warning(issuer(ISSUER, ACCOUNT_AND_PROJECT))).isNull();
	}

	private static TrustedIssuer issuer(String issuer, Map<String, List<String>> requiredClaims) {
		JwksSettings jwks = new JwksSettings(URI.create(issuer + "/.well-known/jwks.json"), Duration.ofMinutes(10),
				Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1), 64 * 1024);
		return new TrustedIssuer(issuer, jwks, Set.of(), requiredClaims);
	}

}
