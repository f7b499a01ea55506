package io.github.zuplojwt.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zuplo.*} keys the starter does not have are reported, by name only, with the
 * nearest key it has; every key the starter has, in any of Spring Boot's relaxed forms and
 * with list entries and map keys, is not.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesTests {

	private static List<String> reported(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties) {
			String[] parts = property.split("=", 2);
			environment.setProperty(parts[0], parts[1]);
		}
		return UnknownProperties.in(environment);
	}

	@Test
	void aTypoIsReportedWithTheKeyItWasMeantToBe() {
		assertThat(reported("zuplo.isuer=https://gw.example/__zuplo/issuer", "zuplo.audience=api"))
			.containsExactly("zuplo.audience is not a property of the Zuplo JWT starter and is ignored. Did you mean"
					+ " zuplo.audiences?",
					"zuplo.isuer is not a property of the Zuplo JWT starter and is ignored. Did you mean"
							+ " zuplo.issuer?");
	}

	@Test
	void nestedKeysListEntriesAndTheirKeysAreSuggestedWhereTheyBelong() {
		assertThat(reported("zuplo.jwks.cache-tll=5m", "zuplo.issuers[1].isuer=https://gw.example",
				"zuplo.bearer.header=X-Token"))
			.containsExactlyInAnyOrder(
					"zuplo.bearer.header is not a property of the Zuplo JWT starter and is ignored. Did you mean"
							+ " zuplo.bearer.header-name?",
					"zuplo.issuers[1].isuer is not a property of the Zuplo JWT starter and is ignored. Did you mean"
							+ " zuplo.issuers[1].issuer?",
					"zuplo.jwks.cache-tll is not a property of the Zuplo JWT starter and is ignored. Did you mean"
							+ " zuplo.jwks.cache-ttl?");
	}

	@Test
	void aKeyNothingIsCloseToIsReportedWithoutASuggestion() {
		assertThat(reported("zuplo.gateway-region=eu"))
			.containsExactly("zuplo.gateway-region is not a property of the Zuplo JWT starter and is ignored.");
	}

	@Test
	void everyKeyOfTheStarterInAnyRelaxedFormIsKnown() {
		assertThat(reported("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.requiredClaims.account=acme",
				"zuplo.required-claims.environment_type=production", "zuplo.issuers[0].issuer=https://b.example",
				"zuplo.issuers[0].required-claims.project=orders", "zuplo.issuers[0].audiences=a,b",
				"zuplo.jwks.connectTimeout=3s", "zuplo.token-cache.max-entries=10", "zuplo.bearer.token-prefix=",
				"zuplo.identity-tokens.allow-unpinned-account=false", "zuplo.compatibility-verifier.enabled=false"))
			.isEmpty();
	}

	@Test
	void theKnownKeysAreTheConfigurationMetadatasOnes() {
		assertThat(UnknownProperties.knownNames(ZuploJwtProperties.class, "zuplo")).contains("zuplo.issuer",
				"zuplo.issuers", "zuplo.issuers[0].jwks-uri", "zuplo.required-claims", "zuplo.jwks.read-timeout",
				"zuplo.bearer.form-parameter", "zuplo.actuator.public-health")
			.doesNotContain("zuplo.jwks", "zuplo.class");
	}

	@Test
	void anApplicationWithATypoStartsAndSaysSoOnceAtWarn(CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZuploJwtAutoConfiguration.class))
			.withPropertyValues("zuplo.issuer=https://gw.example/__zuplo/issuer", "zuplo.audiences=api",
					"zuplo.principal-clam=email")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).containsOnlyOnce("zuplo.principal-clam is not a property of the Zuplo JWT starter"
						+ " and is ignored. Did you mean zuplo.principal-claim?")
					.doesNotContain("email");
			});
	}

}
