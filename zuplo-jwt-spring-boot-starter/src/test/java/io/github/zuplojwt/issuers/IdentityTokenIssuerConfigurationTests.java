package io.github.zuplojwt.issuers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.zuplojwt.support.StartupFailures.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zuplo's Identity Token issuer is shared by every Zuplo customer, so wherever it is trusted
 * ({@code zuplo.issuer} or an entry of {@code zuplo.issuers}, with its own or inherited
 * required claims) it needs an {@code account} pin, or the application does not start and
 * says which property to set; without a {@code project} pin it starts with a warning. Only an
 * explicit opt-out starts without an account pin, and it warns too.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityTokenIssuerConfigurationTests {

	private static final String IDENTITY_ISSUER = "https://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD";

	private static final String GATEWAY = "https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer";

	private static final String PREVIEW = "https://my-api-staging-4d5e6f.zuplo.app/__zuplo/issuer";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class))
		.withPropertyValues("zuplo.audiences=https://api.example.com");

	@Test
	void zuploIssuerWithoutAnAccountPinFailsNamingZuploRequiredClaimsAccount() {
		this.contextRunner.withPropertyValues("zuplo.issuer=" + IDENTITY_ISSUER)
			.run((context) -> assertThat(assertUnpinnedAccount(context.getStartupFailure(),
					"zuplo.required-claims.account"))
				.hasMessageContaining("zuplo.issuer is Zuplo's Identity Token issuer (" + IDENTITY_ISSUER + ")"));
	}

	@Test
	void aProjectPinAloneIsNotEnough() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + IDENTITY_ISSUER, "zuplo.required-claims.project=billing-api",
					"zuplo.required-claims.environment_type=production")
			.run((context) -> assertUnpinnedAccount(context.getStartupFailure(), "zuplo.required-claims.account"));
	}

	@Test
	void entryWithItsOwnRequiredClaimsFailsNamingTheEntrysProperty() {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + GATEWAY, "zuplo.issuers[0].issuer=" + PREVIEW,
					"zuplo.issuers[1].issuer=" + IDENTITY_ISSUER,
					"zuplo.issuers[1].required-claims.project=billing-api")
			.run((context) -> assertThat(assertUnpinnedAccount(context.getStartupFailure(),
					"zuplo.issuers[1].required-claims.account"))
				.hasMessageContaining("zuplo.issuers[1].issuer is Zuplo's Identity Token issuer"));
	}

	@Test
	void entryWithItsOwnRequiredClaimsIsNotPinnedByTheTopLevelAccount() {
		// The entry's own required claims replace zuplo.required-claims, account pin included.
		this.contextRunner
			.withPropertyValues("zuplo.required-claims.account=acme-corp",
					"zuplo.issuers[0].issuer=" + IDENTITY_ISSUER,
					"zuplo.issuers[0].required-claims.project=billing-api")
			.run((context) -> assertUnpinnedAccount(context.getStartupFailure(),
					"zuplo.issuers[0].required-claims.account"));
	}

	@Test
	void entryInheritingRequiredClaimsFailsNamingTheInheritedProperty() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=" + IDENTITY_ISSUER,
					"zuplo.required-claims.project=billing-api")
			.run((context) -> assertThat(assertUnpinnedAccount(context.getStartupFailure(),
					"zuplo.required-claims.account"))
				.hasMessageContaining("the entry has no required-claims of its own")
				.hasMessageContaining("zuplo.issuers[0].required-claims.account"));
	}

	@Test
	void entryInheritingAnAccountPinStarts() {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=" + IDENTITY_ISSUER, "zuplo.required-claims.account=acme-corp",
					"zuplo.required-claims.project=billing-api")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ZuploJwtDecoder.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { IDENTITY_ISSUER + "/", "https://dev.zuplo.com/v1/client-auth/auth_another_client",
			"https://DEV.ZUPLO.COM/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"https://dev.zuplo.com:443/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD",
			"http://dev.zuplo.com/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD" })
	void everySpellingOfTheIssuerNeedsTheAccountPin(String issuer) {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=" + issuer,
					"zuplo.issuers[0].jwks-uri=" + IDENTITY_ISSUER + "/.well-known/jwks.json")
			.run((context) -> assertUnpinnedAccount(context.getStartupFailure(), "zuplo.required-claims.account"));
	}

	@Test
	void withoutAProjectPinItStartsAndWarnsThatEveryProjectOfTheAccountIsAccepted(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=" + IDENTITY_ISSUER,
					"zuplo.issuers[0].required-claims.account=acme-corp")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(warning(output, "No project is pinned for issuer " + IDENTITY_ISSUER))
					.contains("every project of the pinned account are accepted")
					.contains("required-claims.project");
			});
	}

	@Test
	void theOptOutStartsWithoutAnAccountPinAndWarnsThatEveryCustomersTokensAreAccepted(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuers[0].issuer=" + IDENTITY_ISSUER,
					"zuplo.identity-tokens.allow-unpinned-account=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ZuploJwtDecoder.class);
				assertThat(warning(output, "zuplo.identity-tokens.allow-unpinned-account is on"))
					.contains("no account is pinned for issuer " + IDENTITY_ISSUER)
					.contains("minted by any Zuplo customer's gateway are accepted");
			});
	}

	@Test
	void accountAndProjectPinnedStartsWithoutAWordAboutIt(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + GATEWAY, "zuplo.issuers[0].issuer=" + IDENTITY_ISSUER,
					"zuplo.issuers[0].audiences=https://backend.example.com",
					"zuplo.issuers[0].required-claims.account=acme-corp",
					"zuplo.issuers[0].required-claims.project=billing-api")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ZuploJwtDecoder.class);
				assertThat(output).doesNotContain("is pinned for issuer", "Identity Token issuer");
			});
	}

	@Test
	void otherIssuersNeedNoAccountPin(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("zuplo.issuer=" + GATEWAY,
					"zuplo.issuers[0].issuer=https://dev.zuplo.com.example.net/v1/client-auth/auth_o8PUdhKxSTOiB794GWPwLQCD")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("Identity Token issuer");
			});
	}

	@Test
	void configurationMetadataDescribesTheOptOut() throws IOException {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"zuplo.identity-tokens.allow-unpinned-account\"",
					"Whether the application may start although it trusts Zuplo's Identity Token issuer");
		}
	}

	private static InvalidConfigurationPropertyValueException assertUnpinnedAccount(Throwable failure,
			String property) {
		InvalidConfigurationPropertyValueException invalid = assertInvalidProperty(failure, property);
		assertThat(invalid.getReason()).contains("which every Zuplo customer shares",
				"any Zuplo customer's gateway can mint an Identity Token", "Set " + property + " to your Zuplo account",
				"zuplo.identity-tokens.allow-unpinned-account=true");
		return invalid;
	}

	/** The one logged line that contains {@code text}, which must be a WARN. */
	private static String warning(CapturedOutput output, String text) {
		assertThat(output.toString().lines().filter((line) -> line.contains(text))).singleElement()
			.asString()
			.contains("WARN");
		return output.toString().lines().filter((line) -> line.contains(text)).findFirst().orElseThrow();
	}

}
